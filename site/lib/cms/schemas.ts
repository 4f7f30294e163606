/** The shared public-form schemas, for islands and pages (zod and libphonenumber-js only: safe in the browser). */
export { SIGNUP_MESSAGES, signUpErrors, ZSignUp, type SignUpMessageKey } from '../../../cms/schemas/signup'
