// Friendly names for the generated schema types this feature uses.
import type { components } from '@/types/api.gen';

type Schemas = components['schemas'];

export type ScanBatch = Schemas['ScanBatch'];
export type ScanBatchInput = Schemas['ScanBatchInput'];
export type ScanBatchStatus = Schemas['ScanBatchStatus'];
export type ScanSheet = Schemas['ScanSheet'];
export type ScanSheetDetail = Schemas['ScanSheetDetail'];
export type SheetStatus = Schemas['SheetStatus'];
export type SheetCounts = Schemas['SheetCounts'];
export type ScanProgress = Schemas['ScanProgress'];
export type ScanProgressRow = Schemas['ScanProgressRow'];
export type ScanProgressLevel = Schemas['ScanProgressLevel'];
export type MissingPages = Schemas['MissingPages'];
export type LocalScanning = Schemas['LocalScanning'];
export type OwnLocalScanningCampaign = Schemas['OwnLocalScanningCampaign'];
export type LiveClientMessage = Schemas['LiveClientMessage'];
export type LiveServerMessage = Schemas['LiveServerMessage'];
