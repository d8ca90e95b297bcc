// Friendly names for the generated schema types; the shapes themselves come from openapi.yaml.
// Every alias of a generated type is defined here, once, and imported from here everywhere.
import type { components } from './api.gen';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type ProblemError = Schemas['ProblemError'];
export type Campaign = Schemas['Campaign'];
export type CampaignPage = Schemas['CampaignPage'];
export type CampaignKind = Schemas['CampaignKind'];
export type Stage = Schemas['Stage'];
export type Publication = Schemas['Publication'];
export type PublicationPage = Schemas['PublicationPage'];
export type PublicationInput = Schemas['PublicationInput'];
export type PublicationStatus = Schemas['PublicationStatus'];
export type Audience = Schemas['Audience'];
export type Attachment = Schemas['Attachment'];
export type AttachmentKind = Schemas['AttachmentKind'];
export type DownloadRow = Schemas['DownloadRow'];
export type DownloadPage = Schemas['DownloadPage'];
export type Region = Schemas['Region'];
export type RegionPage = Schemas['RegionPage'];
export type RegionTree = Schemas['RegionTree'];
export type RegionTreeNode = Schemas['RegionTreeNode'];
export type Organization = Schemas['Organization'];
export type OrganizationPage = Schemas['OrganizationPage'];
export type OrganizationKind = Schemas['OrganizationKind'];
export type SettlementType = Schemas['SettlementType'];
export type EducationLevel = Schemas['EducationLevel'];
export type Role = Schemas['Role'];
export type Me = Schemas['Me'];
export type TokenRequest = Schemas['TokenRequest'];
export type TokenResponse = Schemas['TokenResponse'];
export type OAuthError = Schemas['OAuthError'];
export type CredentialIssueRequest = Schemas['CredentialIssueRequest'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditEventPage = Schemas['AuditEventPage'];
export type CampaignInput = Schemas['CampaignInput'];
export type CampaignSubject = Schemas['CampaignSubject'];
export type StageCode = Schemas['StageCode'];
export type StageState = Schemas['StageState'];
export type StageInput = Schemas['StageInput'];
export type StageExtension = Schemas['StageExtension'];
export type StageExtensionInput = Schemas['StageExtensionInput'];
export type TestDay = Schemas['TestDay'];
export type RegionRelease = Schemas['RegionRelease'];
export type TestDays = Schemas['TestDays'];
export type TestDaysInput = Schemas['TestDaysInput'];
export type OrganizationBrief = Schemas['OrganizationBrief'];
export type SampleStatus = Schemas['SampleStatus'];
export type SampleEntry = Schemas['SampleEntry'];
export type SampleEntryPage = Schemas['SampleEntryPage'];
export type SampleSummary = Schemas['SampleSummary'];
export type RegionSampleSummary = Schemas['RegionSampleSummary'];
export type VerificationDiff = Schemas['VerificationDiff'];
export type Packet = Schemas['Packet'];
export type PacketPage = Schemas['PacketPage'];
export type SampleAttributes = Schemas['SampleAttributes'];
export type PreliminaryEntry = Schemas['PreliminaryEntry'];
export type PreliminaryListInput = Schemas['PreliminaryListInput'];
export type CampaignUpdate = Schemas['CampaignUpdate'];

// Forms
export type FormDefinition = Schemas['FormDefinition'];
export type FormSheet = Schemas['FormSheet'];
export type FormResponse = Schemas['FormResponse'];
export type FormSummary = Schemas['FormSummary'];
export type FormColumn = Schemas['FormColumn'];
export type FormColumnType = Schemas['FormColumnType'];
export type FormRowRule = Schemas['FormRowRule'];
export type FormWindow = Schemas['FormWindow'];
export type FormRow = Schemas['FormRow'];
export type FormResponseStatus = Schemas['FormResponseStatus'];
export type FormRespondent = Schemas['FormRespondent'];
export type FormResponseVersionSummary = Schemas['FormResponseVersionSummary'];
export type FormComparison = Schemas['FormComparison'];
export type FormChange = Schemas['FormChange'];
export type FormMonitoringPage = Schemas['FormMonitoringPage'];
export type FormMonitoringItem = Schemas['FormMonitoringItem'];

// Kits and protocol 1
export type KitCredentials = Schemas['KitCredentials'];
export type KitCredential = Schemas['KitCredential'];
export type ParticipantCategory = Schemas['ParticipantCategory'];
export type KitRange = Schemas['KitRange'];
export type KitRangePage = Schemas['KitRangePage'];
export type KitRangeInput = Schemas['KitRangeInput'];
export type KitAssignmentInput = Schemas['KitAssignmentInput'];

// Questionnaires
export type QuestionnaireSession = Schemas['QuestionnaireSession'];
export type QuestionnaireContent = Schemas['QuestionnaireContent'];
export type QuestionnaireSection = Schemas['QuestionnaireSection'];
export type Question = Schemas['Question'];
export type QuestionOption = Schemas['QuestionOption'];
export type ShowIf = Schemas['ShowIf'];
export type QuestionnaireSaved = Schemas['QuestionnaireSaved'];
export type Questionnaire = Schemas['Questionnaire'];
export type QuestionnaireInput = Schemas['QuestionnaireInput'];
export type QuestionnaireUpdate = Schemas['QuestionnaireUpdate'];
export type QuestionType = Schemas['QuestionType'];
export type QuestionnaireMonitoring = Schemas['QuestionnaireMonitoring'];
export type QuestionnaireMonitoringRow = Schemas['QuestionnaireMonitoringRow'];

// Scans
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

// Scoring
export type ExpertCreated = Schemas['ExpertCreated'];
export type ScanScheme = Schemas['ScanScheme'];
export type ScoringTask = Schemas['ScoringTask'];
export type ScoringResultStatus = Schemas['ScoringResultStatus'];
export type Distribution = Schemas['Distribution'];
export type CriterionScore = Schemas['CriterionScore'];
export type ScanSchemeInput = Schemas['ScanSchemeInput'];
export type ExpertInput = Schemas['ExpertInput'];
export type ScanCriterion = Schemas['ScanCriterion'];
export type ScoringTaskSummary = Schemas['ScoringTaskSummary'];
export type Expert = Schemas['Expert'];
export type ScoringResult = Schemas['ScoringResult'];
export type ForumSection = Schemas['ForumSection'];
export type ForumQuestion = Schemas['ForumQuestion'];
export type ForumQuestionSummary = Schemas['ForumQuestionSummary'];
export type ForumQuestionPage = Schemas['ForumQuestionPage'];
export type ForumQuestionStatus = Schemas['ForumQuestionStatus'];
export type ForumAnswer = Schemas['ForumAnswer'];
export type ForumAuthor = Schemas['ForumAuthor'];
export type ForumAttachment = Schemas['ForumAttachment'];
export type ForumSearchHit = Schemas['ForumSearchHit'];
export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
