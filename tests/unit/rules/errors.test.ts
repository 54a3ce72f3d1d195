import { describe, expect, test } from 'vitest';
import { categorize, ERROR_CATEGORIES, redactSecrets } from '../../../main/engine/rules/errors.js';

describe('R9.2 error categories', () => {
  test('R9.2 the categories are the reference names', () => {
    expect(ERROR_CATEGORIES).toEqual([
      'ASSOCIATIONS',
      'CUSTOM_CODE',
      'DUPLICATES',
      'PERMISSIONS',
      'PROPERTY_VALUE',
      'API_LIMIT',
      'NETWORK',
      'AUTH',
    ]);
  });
});

const sfRest = (errorCode: string, message = 'remote says no') => [{ errorCode, message, fields: [] }];
const sfCollection = (statusCode: string) => ({
  id: null,
  success: false,
  errors: [{ statusCode, message: 'bad', fields: ['Name'] }],
});
const jsforceError = (errorCode: string) => Object.assign(new Error('jsforce says no'), { name: errorCode, errorCode });
const hsApiException = (code: number, body: object) =>
  Object.assign(new Error(`HTTP-Code: ${code}\nMessage: An error occurred.\nBody: {}`), { code, body, headers: {} });
const hsValidation = (itemCode: string) => ({
  status: 'error',
  message: 'Property values were not valid',
  category: 'VALIDATION_ERROR',
  errors: [{ message: 'bad value', code: itemCode }],
});

describe('R9.2 categorize Salesforce errors', () => {
  test.each([
    ['REQUEST_LIMIT_EXCEEDED', 'API_LIMIT'],
    ['INVALID_SESSION_ID', 'AUTH'],
    ['FIELD_CUSTOM_VALIDATION_EXCEPTION', 'CUSTOM_CODE'],
    ['CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', 'CUSTOM_CODE'],
    ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'PROPERTY_VALUE'],
    ['STRING_TOO_LONG', 'PROPERTY_VALUE'],
    ['REQUIRED_FIELD_MISSING', 'PROPERTY_VALUE'],
    ['INVALID_TYPE_ON_FIELD_IN_RECORD', 'PROPERTY_VALUE'],
    ['DUPLICATE_VALUE', 'DUPLICATES'],
    ['DUPLICATES_DETECTED', 'DUPLICATES'],
    ['INSUFFICIENT_ACCESS_OR_READONLY', 'PERMISSIONS'],
    ['INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', 'PERMISSIONS'],
    ['INVALID_CROSS_REFERENCE_KEY', 'ASSOCIATIONS'],
    ['SERVER_UNAVAILABLE', 'NETWORK'],
  ])('R9.2 SF %s → %s (REST list, collections result and jsforce error alike)', (code, category) => {
    expect(categorize(sfRest(code))).toMatchObject({ category, code });
    expect(categorize(sfCollection(code))).toMatchObject({ category, code });
    expect(categorize(jsforceError(code))).toMatchObject({ category, code });
    expect(categorize(code)).toMatchObject({ category, code });
  });

  test('R9.2 SF answers 403 to REQUEST_LIMIT_EXCEEDED: the code beats the status', () => {
    expect(categorize({ statusCode: 403, body: sfRest('REQUEST_LIMIT_EXCEEDED') }).category).toBe('API_LIMIT');
  });

  test('R9.2 jsforce ERROR_HTTP_nnn falls back to the status', () => {
    expect(categorize({ errorCode: 'ERROR_HTTP_503', message: 'down' })).toMatchObject({
      category: 'NETWORK',
      code: 'HTTP_503',
    });
  });

  test('R9.2 OAuth invalid_grant is AUTH', () => {
    expect(categorize({ error: 'invalid_grant', error_description: 'expired access/refresh token' })).toMatchObject({
      category: 'AUTH',
      message: 'The connection must be signed in again: expired access/refresh token',
    });
  });
});

describe('R9.2 categorize HubSpot errors', () => {
  test.each<{ name: string; error: unknown; category: string }>([
    {
      name: '429 status',
      error: hsApiException(429, { status: 'error', category: 'RATE_LIMITS', message: 'Ten secondly rolling limit' }),
      category: 'API_LIMIT',
    },
    { name: '429 with no body', error: { status: 429 }, category: 'API_LIMIT' },
    {
      name: '401',
      error: hsApiException(401, { category: 'INVALID_AUTHENTICATION', message: 'expired' }),
      category: 'AUTH',
    },
    {
      name: '403 missing scopes',
      error: hsApiException(403, { category: 'MISSING_SCOPES', message: 'scopes' }),
      category: 'PERMISSIONS',
    },
    { name: '403 bare', error: { statusCode: 403 }, category: 'PERMISSIONS' },
    {
      name: '409 conflict',
      error: hsApiException(409, { category: 'CONFLICT', message: 'Contact already exists' }),
      category: 'DUPLICATES',
    },
    { name: 'INVALID_OPTION', error: hsApiException(400, hsValidation('INVALID_OPTION')), category: 'PROPERTY_VALUE' },
    { name: 'PROPERTY_DOESNT_EXIST', error: hsValidation('PROPERTY_DOESNT_EXIST'), category: 'PROPERTY_VALUE' },
    {
      name: 'association subcategory',
      error: hsApiException(400, {
        category: 'VALIDATION_ERROR',
        subCategory: 'crm.associations.INVALID_OBJECT_IDS',
        message: 'bad ids',
      }),
      category: 'ASSOCIATIONS',
    },
    { name: '502 from the gateway', error: { status: 502 }, category: 'NETWORK' },
  ])('R9.2 HS $name → $category', ({ error, category }) => {
    expect(categorize(error).category).toBe(category);
  });

  test("R9.2 the body's message is used, not the client library's long wrapper", () => {
    const result = categorize(hsApiException(400, hsValidation('INVALID_OPTION')));
    expect(result).toEqual({
      category: 'PROPERTY_VALUE',
      code: 'INVALID_OPTION',
      message: 'A value was refused: Property values were not valid',
      transient: false,
    });
  });
});

describe('R9.2 categorize network errors', () => {
  test.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT'])(
    'R9.2 %s → NETWORK, transient',
    (code) => {
      const nodeError = Object.assign(new Error(`connect ${code} 127.0.0.1:443`), { code });
      expect(categorize(nodeError)).toMatchObject({ category: 'NETWORK', code, transient: true });
      // fetch wraps the socket error: TypeError('fetch failed', { cause })
      expect(categorize(new TypeError('fetch failed', { cause: nodeError }))).toMatchObject({
        category: 'NETWORK',
        code,
      });
    },
  );

  test('R9.2 AbortSignal.timeout → NETWORK', () => {
    expect(categorize(new DOMException('The operation was aborted due to timeout', 'TimeoutError')).category).toBe(
      'NETWORK',
    );
  });
});

describe('R9.2 unknown errors and messages', () => {
  test.each<{ error: unknown }>([
    { error: new Error('boom') },
    { error: null },
    { error: 42 },
    { error: { status: 400 } },
    { error: sfRest('UNKNOWN_EXCEPTION') },
  ])('R9.2 unrecognised error is UNCATEGORIZED, not forced into a category ($error)', ({ error }) => {
    expect(categorize(error).category).toBe('UNCATEGORIZED');
  });

  test('R9.1 tokens in remote messages never reach the log', () => {
    const message =
      'Authorization: Bearer abc.def-123 failed; access_token=xyz&x=1; session 00D5g000004XyZa!AQ4AQJ.abc';
    const redacted = redactSecrets(message);
    expect(redacted).not.toMatch(/abc\.def|xyz|AQ4AQJ/);
    expect(categorize({ errorCode: 'INVALID_SESSION_ID', message }).message).not.toMatch(/abc\.def|xyz|AQ4AQJ/);
  });

  test('R9.2 long remote messages are cut short', () => {
    const result = categorize(sfRest('STRING_TOO_LONG', 'x'.repeat(5000)));
    expect(result.message.length).toBeLessThan(400);
  });
});
