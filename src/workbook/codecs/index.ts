/** Row ↔ domain codecs for every typed-in table, the _meta sheet and the 科目表 list. */
export { decodeVouchers, encodeVoucherRows, decodeVoucherLines, VOUCHER_WANTS } from './vouchers';
export { decodeOpening, encodeOpeningRows, decodeOpeningLines, OPENING_WANTS } from './opening';
export { decodeAccounts, encodeAccountRows } from './accounts';
export { decodeSettings, encodeSettingsRows } from './settings';
export { decodeMetaRows, encodeMetaRows, META_HEADER } from './meta';
export { chartListSheet } from './chart-list';
export { parseDateCell, parseAmountCell, parseCodeCell, parseDateText, dateToIso, serialToIso, isoToSerial, cellText } from './cells';
