export { api, request, setCsrfToken, setUnauthorizedHandler } from './client';
export type { RequestOptions } from './client';
export { ApiError, isApiError, NETWORK_ERROR_STATUS } from './ApiError';
export type { Problem, ProblemFieldError } from './problem';
