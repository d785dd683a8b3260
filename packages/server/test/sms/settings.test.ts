import { describe, expect, it } from 'vitest';
import { SmsSettingsError, smsGatewayOf, smsSettingsFromEnv } from '../../src/sms/settings.ts';

describe('SMS settings from the environment', () => {
  const url = 'https://sms.ru/sms/send?api_id=KEY&to={to}&msg={text}&json=1';

  it('are off without BATON_SMS_URL', () => {
    expect(smsSettingsFromEnv({})).toBeNull();
    expect(smsSettingsFromEnv({ BATON_SMS_URL: '  ' })).toBeNull();
  });

  it('take the URL template and the text an answer must contain', () => {
    expect(smsSettingsFromEnv({ BATON_SMS_URL: url, BATON_SMS_SUCCESS: '"status":"OK"' })).toEqual({
      urlTemplate: url,
      success: '"status":"OK"',
    });
    expect(smsSettingsFromEnv({ BATON_SMS_URL: url })?.success).toBeNull();
  });

  it('stop the start on a URL that cannot work, naming the variable and never the key', () => {
    expect(() => smsSettingsFromEnv({ BATON_SMS_URL: 'ftp://x/{to}/{text}' })).toThrow(SmsSettingsError);
    expect(() => smsSettingsFromEnv({ BATON_SMS_URL: 'not a url' })).toThrow(
      /^BATON_SMS_URL must be an http/,
    );
    const missing = () => smsSettingsFromEnv({ BATON_SMS_URL: 'https://gw.example/send?key=SECRET&to={to}' });
    expect(missing).toThrow('BATON_SMS_URL must contain {text} (gw.example)');
    expect(missing).not.toThrow(/SECRET/);
  });

  it('log the gateway without its query', () => {
    expect(smsGatewayOf({ urlTemplate: url, success: null })).toBe('https://sms.ru/sms/send');
  });
});
