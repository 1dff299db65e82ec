export {
  FIRST_USER_TABLE_NUMBER,
  INTERNAL_ID_LENGTH,
  MAX_TABLE_NUMBER,
  decodeId,
  encodeId,
  isValidId,
  newInternalId,
  parseId,
  parseLegacyInternalId,
} from "./id-v6";
export type { DecodedId, IdDecodeFailure, ParseIdResult } from "./id-v6";
export { decodeBase32, encodeBase32 } from "./base32";
