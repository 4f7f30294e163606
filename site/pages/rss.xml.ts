import type { APIRoute } from 'astro'
import { newsFeed } from '../lib/feeds'

export const GET: APIRoute = (context) => newsFeed(context, 'vi')
