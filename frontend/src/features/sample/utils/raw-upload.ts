import { XLSX_TYPE } from '@/lib/upload';

/** The media type of an Excel workbook, as the upload operations name it. */
export { XLSX_TYPE };

/**
 * Options for an openapi-fetch call that sends `file` itself as the request body (not
 * multipart), with the operation's Content-Type. The API client signs it with the bearer token
 * and renews the token as for any other call; the browser streams the file from disk.
 */
export const rawBody = (file: Blob, contentType: string = XLSX_TYPE) => ({
  // The generated type of a binary body is `string`; the runtime body is the File.
  body: file as unknown as string,
  bodySerializer: (body: unknown) => body as BodyInit,
  headers: { 'Content-Type': contentType },
});
