import type { Operation } from '../model/service-model.ts';
import type { AwsServiceError } from '../service-error.ts';
import type { ValidationIssue } from '../validation/validation-issue.ts';
import type { AuthenticationFailure } from './authentication-errors.ts';

/** An HTTP request as the protocols see it: header names lower-case, body fully read. */
export interface WireRequest {
  method: string;
  /** Path without the query string, percent-encoding intact. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ParsedRequest {
  operation: Operation;
  /** The input decoded to JS values (Dates, numbers, Uint8Arrays), not yet validated. */
  input: Record<string, unknown>;
  /** Wire values that could not be read as their type (query text); reported with the constraint issues. */
  decodeIssues?: ValidationIssue[];
}

/** What the request pipeline needs of a wire protocol; one implementation per protocol family. */
export interface Protocol {
  /** Finds the operation and decodes its input; throws AwsServiceError for unknown operations or bad wire data. */
  parseRequest(request: WireRequest): ParsedRequest;
  serializeOutput(operation: Operation, output: unknown, requestId: string): WireResponse;
  serializeError(error: AwsServiceError, requestId: string): WireResponse;
  /** This protocol's (and service's) answer to broken constraints. */
  validationError(issues: ValidationIssue[]): AwsServiceError;
  /** The answer to a request without (or with a malformed) SigV4 Authorization header, or an unknown or expired temporary key. */
  authenticationError(reason: AuthenticationFailure, detail: string): AwsServiceError;
}
