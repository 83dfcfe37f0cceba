export { runChecks } from './checks';
export type { CheckResult, CheckStatus, DoctorEnvironment } from './checks';
