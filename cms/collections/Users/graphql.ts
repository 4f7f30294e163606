/**
 * GraphQL's `forgotPasswordUser`, in place of Payload's own (custom mutations replace built-in
 * ones of the same name): the same path as REST (endpoints.ts), so GraphQL is no way around the
 * throttle or the answer-at-once rule. `loginUser` needs nothing here: the users collection's
 * hooks (hooks/throttleLogin.ts) run for it as for REST.
 */
import type { GraphQLExtension, PayloadRequest } from 'payload'
import { forgotPasswordOffPath } from './endpoints'

export const staffAuthMutations: GraphQLExtension = (GraphQL) => ({
  forgotPasswordUser: {
    type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLBoolean),
    args: { email: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
    resolve: async (_source: unknown, args: { email: string }, context: { req: PayloadRequest }) => {
      await forgotPasswordOffPath(context.req, args.email)
      return true
    },
  },
})
