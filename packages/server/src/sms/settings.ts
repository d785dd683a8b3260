/**
 * Where SMS go out: an HTTP gateway (SMS.ru, SMSC, an operator's API, …) called with GET on a URL
 * template whose `{to}` and `{text}` Baton fills in.
 */
export interface SmsSettings {
  /** E.g. `https://sms.ru/sms/send?api_id=KEY&to={to}&msg={text}&json=1`. */
  urlTemplate: string;
  /** Text the gateway's answer must contain to count as sent (many answer 200 with an error inside). */
  success: string | null;
}

/** A setting that cannot work; the message names the variable and never repeats the URL's secrets. */
export class SmsSettingsError extends Error {}

/**
 * `BATON_SMS_URL` (and `BATON_SMS_SUCCESS`). Without a URL SMS are off (null): a process's SMS wait in
 * the outbox. A URL that is not http(s), or lacks `{to}` or `{text}`, stops the start.
 */
export function smsSettingsFromEnv(env: NodeJS.ProcessEnv): SmsSettings | null {
  const urlTemplate = env.BATON_SMS_URL?.trim();
  if (!urlTemplate) return null;
  const probe = URL.canParse(urlTemplate.replaceAll('{to}', '0').replaceAll('{text}', 'x'))
    ? new URL(urlTemplate.replaceAll('{to}', '0').replaceAll('{text}', 'x'))
    : null;
  if (probe?.protocol !== 'http:' && probe?.protocol !== 'https:')
    throw new SmsSettingsError(
      'BATON_SMS_URL must be an http(s) URL such as https://sms.ru/sms/send?api_id=KEY&to={to}&msg={text}',
    );
  const missing = ['{to}', '{text}'].filter((p) => !urlTemplate.includes(p));
  if (missing.length > 0)
    throw new SmsSettingsError(`BATON_SMS_URL must contain ${missing.join(' and ')} (${probe.host})`);
  return { urlTemplate, success: env.BATON_SMS_SUCCESS?.trim() || null };
}

/** The gateway without its query (which holds the key), for logs. */
export const smsGatewayOf = (settings: SmsSettings): string => {
  const url = new URL(settings.urlTemplate.replaceAll('{to}', '0').replaceAll('{text}', 'x'));
  return `${url.protocol}//${url.host}${url.pathname}`;
};
