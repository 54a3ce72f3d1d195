/** Error codes and categories in plain words (see explanations.ts). Kind, label, one-line text, and the fix. */
import type { ExplanationRow } from './explanations.js';

const RECONNECT = 'Reconnect on the Connections page.';
const FIX_VALUE = 'Correct the value in the source record, map it to an allowed value, or stop syncing the field.';
const WAIT = 'Nothing to do: the record is retried automatically.';
const ASK_ADMIN = 'Ask an administrator to check the validation rules or automation on the object.';

/** The error categories, as counted in Sync health. */
const categories: Record<string, ExplanationRow> = {
  ASSOCIATIONS: [
    'error',
    'Associations',
    'A link between records (contact, company, account) could not be read or written.',
    'Check that both records exist and the connection may read them.',
  ],
  CUSTOM_CODE: [
    'error',
    'Custom code',
    'A validation rule, trigger or workflow in the other system refused the record.',
    ASK_ADMIN,
  ],
  DUPLICATES: [
    'error',
    'Duplicates',
    'The other system already has a record with this unique value.',
    'Merge or remove the duplicate, then run again.',
  ],
  PERMISSIONS: [
    'error',
    'Permissions',
    'The connected user may not read or write this record or field.',
    'Grant the connected user access, or reconnect with a user who has it.',
  ],
  PROPERTY_VALUE: ['error', 'Field values', 'A field value was not accepted by the other system.', FIX_VALUE],
  API_LIMIT: ['error', 'API limit', 'The API call limit was reached; the work waits and goes on.', WAIT],
  NETWORK: ['error', 'Network', 'The other system did not answer in time or the connection broke.', WAIT],
  AUTH: ['error', 'Sign-in', 'The connection is no longer signed in.', RECONNECT],
  UNCATEGORIZED: ['error', 'Other', 'An error that fits no category.', 'Read the message in the Log for details.'],
  WARNING: ['warning', 'Warning', 'Written, with something a person may want to check.'],
};

/** The codes an operation of the console can answer with. */
const operations: Record<string, ExplanationRow> = {
  VALIDATION: [
    'error',
    'Invalid input',
    'Something entered is not valid.',
    'Correct the highlighted input and try again.',
  ],
  NOT_FOUND: ['error', 'Not found', 'The record or run asked for does not exist.'],
  NOT_CONNECTED: [
    'error',
    'Not connected',
    'Salesforce or HubSpot is not connected.',
    'Connect both on the Connections page.',
  ],
  TOKEN_EXPIRED: ['error', 'Sign-in expired', 'The sign-in expired or was revoked.', RECONNECT],
  RATE_LIMITED: ['error', 'Rate limited', 'Too many calls; the work waits and goes on.', WAIT],
  CONFLICT: ['error', 'Already running', 'Another run is in progress.', 'Wait for it to finish, or pause it first.'],
  FORBIDDEN: ['error', 'Not allowed', 'This action is not allowed right now.'],
  UNAVAILABLE: ['error', 'Unavailable', 'The other system is not available.', 'Try again in a few minutes.'],
  INTERNAL: [
    'error',
    'Internal error',
    'Something went wrong in the console.',
    'Try again; if it keeps happening, report it.',
  ],
  NO_RESULT: [
    'error',
    'No answer for this record',
    'The other system answered the batch but said nothing about this record.',
    WAIT,
  ],
};

/** Problems that make the Companies preview less certain. */
const preview: Record<string, ExplanationRow> = {
  INCLUSION_LIST_NOT_FOUND: [
    'warning',
    'Inclusion list not found',
    'The inclusion list set in Sync settings does not exist in HubSpot.',
    'Choose another list in Sync settings.',
  ],
  INCLUSION_LIST_NOT_READ: [
    'warning',
    'Inclusion list not read',
    'The inclusion list could not be read, so it is treated as empty.',
    'Check that the HubSpot connection may read lists.',
  ],
  INCLUSION_LIST_UNREADABLE: [
    'warning',
    'Inclusion list unreadable',
    'The inclusion list could not be read, so it is treated as empty.',
    'Check that the HubSpot connection may read lists.',
  ],
  CONTACTS_UNREADABLE: [
    'warning',
    'Contacts not readable',
    'Some contacts are archived or not readable and were left out of the decision.',
  ],
  REFRESH_FAILED: ['error', 'Refresh failed', 'Fresh data could not be read; older data was used.', 'Try again.'],
};

/** A mapping that cannot be saved. */
const mappings: Record<string, ExplanationRow> = {
  UNKNOWN_SF_FIELD: ['error', 'No such Salesforce field', 'Salesforce accounts have no field by that name.'],
  UNKNOWN_HS_PROPERTY: ['error', 'No such HubSpot property', 'HubSpot companies have no property by that name.'],
  RESERVED_FIELD: ['error', 'Reserved field', 'This field carries the link between the systems and cannot be mapped.'],
  SF_FIELD_MAPPED_TWICE: ['error', 'Salesforce field used twice', 'A Salesforce field can be mapped only once.'],
  HS_PROPERTY_MAPPED_TWICE: ['error', 'HubSpot property used twice', 'A HubSpot property can be mapped only once.'],
  MISMATCHED_TYPES: ['error', 'Types do not match', 'The two fields hold different kinds of values.'],
  HUBSPOT_USER_PROPERTY: ['error', 'User property', 'A HubSpot user property can only be mapped to the owner.'],
  OWNER_MAPPING: ['error', 'Owner mapping', 'The owner can be mapped only to the HubSpot company owner.'],
  READ_ONLY_SF_FIELD: ['error', 'Read-only Salesforce field', 'The Salesforce field cannot be written.'],
  READ_ONLY_HS_PROPERTY: ['error', 'Read-only HubSpot property', 'The HubSpot property cannot be written.'],
  SF_ID_BLANK: ['error', 'Blank Salesforce ID', 'The Salesforce ID is empty.'],
  SF_ID_LENGTH: ['error', 'Wrong ID length', 'A Salesforce ID has 15 or 18 characters.'],
  SF_ID_CHARSET: ['error', 'Not a Salesforce ID', 'A Salesforce ID has letters and digits only.'],
  SF_ID_CHECKSUM: ['error', 'Mistyped Salesforce ID', 'The last three characters of the ID do not fit the rest.'],
  SF_ID_PREFIX: ['error', 'Not a record ID', 'This is not the ID of a Salesforce account.'],
};

/** Codes Salesforce and HubSpot answer with, and network failures. */
const remote: Record<string, ExplanationRow> = {
  REQUEST_LIMIT_EXCEEDED: ['error', 'Salesforce API limit', "The org's daily API limit is used up.", WAIT],
  INVALID_SESSION_ID: ['error', 'Salesforce sign-in expired', 'The Salesforce session is no longer valid.', RECONNECT],
  INVALID_AUTH_HEADER: ['error', 'Sign-in refused', 'The sign-in was not accepted.', RECONNECT],
  INVALID_GRANT: ['error', 'Sign-in revoked', 'The sign-in was revoked or expired.', RECONNECT],
  INVALID_CLIENT: [
    'error',
    'App not recognised',
    'The connected app was not accepted.',
    'Check the app settings, then reconnect.',
  ],
  FIELD_CUSTOM_VALIDATION_EXCEPTION: [
    'error',
    'Validation rule',
    'A Salesforce validation rule refused the record.',
    ASK_ADMIN,
  ],
  CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY: [
    'error',
    'Trigger refused',
    'A Salesforce trigger or flow refused the record.',
    ASK_ADMIN,
  ],
  APEX_ERROR: ['error', 'Apex error', 'Custom Salesforce code failed on this record.', ASK_ADMIN],
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: [
    'error',
    'Not an allowed option',
    'The value is not an option of the picklist.',
    FIX_VALUE,
  ],
  STRING_TOO_LONG: ['error', 'Too long', 'The value is longer than the field allows.', FIX_VALUE],
  REQUIRED_FIELD_MISSING: [
    'error',
    'Required field empty',
    'A required field has no value.',
    'Fill the field in the source record.',
  ],
  INVALID_TYPE_ON_FIELD_IN_RECORD: [
    'error',
    'Wrong kind of value',
    'The value does not fit the field type.',
    FIX_VALUE,
  ],
  INVALID_EMAIL_ADDRESS: ['error', 'Not an email', 'The value is not a valid email address.', FIX_VALUE],
  NUMBER_OUTSIDE_VALID_RANGE: [
    'error',
    'Number out of range',
    'The number is too large or too small for the field.',
    FIX_VALUE,
  ],
  INVALID_FIELD_FOR_INSERT_UPDATE: [
    'error',
    'Field cannot be written',
    'The field cannot be written by the connected user.',
  ],
  FIELD_INTEGRITY_EXCEPTION: [
    'error',
    'Invalid reference',
    'The value refers to a record that cannot be used here.',
    FIX_VALUE,
  ],
  MALFORMED_ID: ['error', 'Malformed ID', 'A record ID in the value is not valid.', FIX_VALUE],
  INVALID_FIELD: [
    'error',
    'Unknown field',
    'The field does not exist or is not visible.',
    'Fix the mapping in Sync settings.',
  ],
  DUPLICATE_VALUE: [
    'error',
    'Duplicate value',
    'Another record already has this unique value.',
    'Merge or correct the duplicate.',
  ],
  DUPLICATES_DETECTED: [
    'error',
    'Duplicate rule',
    'A Salesforce duplicate rule blocked the record.',
    'Merge the duplicate records.',
  ],
  DUPLICATE_EXTERNAL_ID: [
    'error',
    'Duplicate external ID',
    'More than one record has this external ID.',
    'Merge the duplicates.',
  ],
  INVALID_CROSS_REFERENCE_KEY: [
    'error',
    'Related record missing',
    'A related record does not exist or is not visible.',
  ],
  API_DISABLED_FOR_ORG: [
    'error',
    'API turned off',
    'API access is turned off for this Salesforce org.',
    'Ask an administrator to enable it.',
  ],
  API_CURRENTLY_DISABLED: [
    'error',
    'API turned off',
    'API access is currently turned off.',
    'Ask an administrator to enable it.',
  ],
  INSUFFICIENT_ACCESS: [
    'error',
    'No access',
    'The connected user may not change this record.',
    'Grant access to the connected user.',
  ],
  SERVER_UNAVAILABLE: ['error', 'Server unavailable', 'Salesforce is not available right now.', WAIT],
  INVALID_OPTION: ['error', 'Not an allowed option', 'The value is not an option of the HubSpot property.', FIX_VALUE],
  PROPERTY_DOESNT_EXIST: [
    'error',
    'Unknown property',
    'The HubSpot property does not exist.',
    'Fix the mapping in Sync settings.',
  ],
  INVALID_INTEGER: ['error', 'Not a whole number', 'The property takes whole numbers only.', FIX_VALUE],
  INVALID_LONG: ['error', 'Not a whole number', 'The property takes whole numbers only.', FIX_VALUE],
  INVALID_EMAIL: ['error', 'Not an email', 'The value is not a valid email address.', FIX_VALUE],
  INVALID_BOOLEAN: ['error', 'Not true or false', 'The property takes true or false only.', FIX_VALUE],
  OBJECT_ALREADY_EXISTS: [
    'error',
    'Already exists',
    'HubSpot already has a record with this unique value.',
    'Merge the duplicates.',
  ],
  ECONNRESET: ['error', 'Connection reset', 'The connection broke during the call.', WAIT],
  ETIMEDOUT: ['error', 'Timed out', 'The other system did not answer in time.', WAIT],
  ECONNREFUSED: [
    'error',
    'Connection refused',
    'Nothing answered at the address.',
    'Check the instance URL on the Connections page.',
  ],
  ENOTFOUND: ['error', 'Host not found', 'The address could not be found.', 'Check the network and the instance URL.'],
  EAI_AGAIN: ['error', 'Name lookup failed', 'The address could not be looked up just now.', WAIT],
  EPIPE: ['error', 'Connection closed', 'The other side closed the connection.', WAIT],
  ECONNABORTED: ['error', 'Connection aborted', 'The connection was aborted.', WAIT],
  ENETUNREACH: ['error', 'Network unreachable', 'The network cannot be reached.', 'Check the network connection.'],
  EHOSTUNREACH: ['error', 'Host unreachable', 'The other system cannot be reached.', 'Check the network connection.'],
  UND_ERR_SOCKET: ['error', 'Connection broke', 'The connection broke during the call.', WAIT],
  UND_ERR_CONNECT_TIMEOUT: ['error', 'Connect timed out', 'Connecting took too long.', WAIT],
  UND_ERR_HEADERS_TIMEOUT: ['error', 'No answer', 'The other system did not start answering in time.', WAIT],
  UND_ERR_BODY_TIMEOUT: ['error', 'Answer cut off', 'The answer stopped part-way.', WAIT],
  TIMEOUTERROR: ['error', 'Timed out', 'The call took too long.', WAIT],
  BULK_JOB_FAILED: [
    'error',
    'Bulk job failed',
    'Salesforce stopped the Bulk API job that carried this record, so the record was not written.',
    WAIT,
  ],
  ENTITY_IS_DELETED: ['error', 'Already deleted', 'The record is already deleted in Salesforce.'],
  OBJECT_NOT_FOUND: [
    'error',
    'Record gone',
    'HubSpot no longer has this record: it was archived or deleted after the console read it.',
    "Restore it from HubSpot's recycle bin if it should come back; the next sync sees it as gone.",
  ],
};

export const errorRows: Record<string, ExplanationRow> = {
  ...categories,
  ...operations,
  ...preview,
  ...mappings,
  ...remote,
};
