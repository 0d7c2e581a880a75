/** Importers of published API definitions into tcgen specs. */
export { importCommand, runTencentCloudImport } from "./command.js";
export { runImport, type RunImportOptions, type RunImportResult } from "./run.js";
export { importTencentCloud, tencentDefaultsFile, TENCENT_COMMON_CODES, type TencentImportResult } from "./tencentcloud/index.js";
