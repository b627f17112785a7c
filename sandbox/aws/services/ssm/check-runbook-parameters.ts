import type { Runbook, RunbookParameter } from './runbook-catalog.ts';
import { ssmError } from './ssm-errors.ts';

/**
 * StartAutomationExecution parameters must fit the document: no unknown names, every parameter
 * without a default present, one value for non-list types, allowed values and patterns honoured.
 * Violations are InvalidAutomationExecutionParametersException, as SSM answers.
 */
export function checkRunbookParameters(runbook: Runbook, parameters: Record<string, string[]>): void {
  const known = new Map(runbook.parameters.map((parameter) => [parameter.name, parameter]));
  const unknown = Object.keys(parameters).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw invalid(`Parameters [${unknown.join(', ')}] are not defined in document ${runbook.name}.`);
  }
  const missing = runbook.parameters.filter(
    (parameter) => parameter.defaultValue === undefined && !(parameter.name in parameters),
  );
  if (missing.length > 0) {
    throw invalid(
      `Parameters [${missing.map((parameter) => parameter.name).join(', ')}] are required by document ${runbook.name}.`,
    );
  }
  for (const [name, values] of Object.entries(parameters)) {
    const parameter = known.get(name);
    if (parameter) checkValues(parameter, values);
  }
}

function checkValues(parameter: RunbookParameter, values: string[]): void {
  if (parameter.type !== 'StringList' && values.length !== 1) {
    throw invalid(`Parameter "${parameter.name}" is of type ${parameter.type} and takes exactly one value.`);
  }
  for (const value of values) {
    if (parameter.allowedValues && !parameter.allowedValues.includes(value)) {
      throw invalid(
        `Parameter "${parameter.name}" has value "${value}" not found in [${parameter.allowedValues.join(', ')}].`,
      );
    }
    if (parameter.allowedPattern && !new RegExp(parameter.allowedPattern).test(value)) {
      throw invalid(
        `Parameter "${parameter.name}" has value "${value}" not matching ${parameter.allowedPattern}.`,
      );
    }
    if (parameter.type === 'Integer' && !/^-?\d+$/.test(value)) {
      throw invalid(`Parameter "${parameter.name}" has value "${value}", which is not an Integer.`);
    }
    if (parameter.type === 'Boolean' && value !== 'true' && value !== 'false') {
      throw invalid(`Parameter "${parameter.name}" has value "${value}", which is not a Boolean.`);
    }
  }
}

function invalid(message: string) {
  return ssmError('InvalidAutomationExecutionParametersException', message);
}
