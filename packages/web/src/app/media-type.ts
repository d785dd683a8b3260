/** The media types the server takes (`application/pdf`); a browser may give none, or one with parameters. */
const MEDIA_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

/** A chosen file's media type as the server takes it; undefined when the browser gave none it would take. */
export const mediaTypeOf = (file: Pick<File, 'type'>): string | undefined =>
  MEDIA_TYPE.test(file.type) ? file.type : undefined;
