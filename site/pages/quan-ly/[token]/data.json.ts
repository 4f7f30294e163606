import type { APIRoute } from 'astro'
import { manageDataResponse } from '../../../lib/manage-data'

export const GET: APIRoute = (context) => manageDataResponse(context)
