// The joint charter: draft from the board, freeze into versions, bundle with signatures,
// verify offline, and export (PDF, Markdown, JSON).
export * from './charterSchema';
export * from './charterChecks';
export * from './charterDraft';
export * from './canonicalJson';
export * from './charterVersion';
export * from './charterDiff';
export * from './quorum';
export * from './partDigests';
export * from './bundleSchema';
export * from './signatureCheck';
export * from './bundle';
export * from './charterSeal';
export * from './charterMarkdown';
export * from './pdfText';
export * from './charterLines';
export * from './charterWords';
export * from './pdfFonts';
export * from './charterPdf';
export * from './verifyLimits';
export * from './strictJson';
export * from './charterFileKind';
export * from './pdfAttachment';
export * from './charterPdfVerify';
export * from './verifyCharterFile';
export * from './charterDoc';
export * from './charterLedger';
