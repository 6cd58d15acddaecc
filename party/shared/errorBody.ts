/** The JSON body of every HTTP error response. */
export interface ErrorBody {
  error: { code: string; message: string };
}
