/** The intake capability's public entry: what the rest of warroom may use of it. */
export { IntakeProcessor } from './intake.ts';
export type { ParseContext, ParseNotification } from './parse-context.ts';
export { createCertificateSource } from './sns/certificate-source.ts';
export type { FetchPem } from './sns/fetch-pem-over-https.ts';
export { inboxItemOf } from './sns/inbox-item.ts';
export type { SnsNotification, VerifiedSnsMessage } from './sns/sns-message.ts';
export { buildSnsEndpointHost, readTopicRegion } from './sns/sns-region.ts';
export type { SnsSignatureVersion } from './sns/sns-signature.ts';
export { SNS_SIGNATURE_ALGORITHMS } from './sns/sns-signature.ts';
export type { SnsSignedFields } from './sns/string-to-sign.ts';
export { buildStringToSign } from './sns/string-to-sign.ts';
export { verifySnsMessage } from './sns/verify-sns-message.ts';
export { checkSqsQueue, createSqsIntake } from './sqs/start-sqs-intake.ts';
