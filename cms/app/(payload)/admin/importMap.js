import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { EventStaffTools as EventStaffTools_6d96489cbba006914deddb72c26f314e } from '../../../components/staff/EventStaffTools'
import { RegistrationActions as RegistrationActions_adb6b55f7bf8b6615194c3949c3c776e } from '../../../components/staff/RegistrationActions'
import { RegistrationsListTools as RegistrationsListTools_a071658f9dafcc24e0c83100d0d939d6 } from '../../../components/staff/RegistrationsListTools'
import { DriveReport as DriveReport_6c725c2656569652379cd3a8c096977f } from '../../../components/staff/DriveReport'
import { PledgeActions as PledgeActions_06b63d36bf1a660436541e2092eb1f74 } from '../../../components/staff/PledgeActions'
import { PledgesListTools as PledgesListTools_4f16331e7f740d4cfcf7573f39a1ab1d } from '../../../components/staff/PledgesListTools'
import { TransferActions as TransferActions_4ff14f5336b27a8a4b9e22979574338c } from '../../../components/staff/TransferActions'
import { StatementUpload as StatementUpload_d3832071e602c89223d6d619e159d4ff } from '../../../components/staff/StatementUpload'
import { AidRecipientsListTools as AidRecipientsListTools_5aefaee0a1ac63ab61381fbb3370177b } from '../../../components/staff/AidRecipientsListTools'
import { DriveItemField as DriveItemField_1c5cfe5f6b8c16a8e9a84041920cacd8 } from '../../../components/staff/DriveItemField'
import { HandOversListTools as HandOversListTools_833ca144e9ee664db7b7ec87b729bbcd } from '../../../components/staff/HandOversListTools'
import { ContestJudgingPanel as ContestJudgingPanel_ee4b92b51ad1de4dd2eda08c97fedf4a } from '../../../components/staff/ContestJudgingPanel'
import { EntryPublicationAction as EntryPublicationAction_d6fa9eff3d3c5112054a440e75165ece } from '../../../components/staff/EntryPublicationAction'
import { EmlDownload as EmlDownload_8a5283caec6f2b63c4a3602f77d84d05 } from '../../../components/EmlDownload'
import { JudgingNavLink as JudgingNavLink_701669614024eac55c74436b0195b083 } from '../../../components/staff/JudgingNavLink'
import { SeatsDashboard as SeatsDashboard_41a808052b902db66572680e527e2c50 } from '../../../components/staff/SeatsDashboard'
import { FundDashboard as FundDashboard_f6322eb538741b394bf5303c985322e2 } from '../../../components/staff/FundDashboard'
import { JudgingDashboard as JudgingDashboard_5e3e1ae66ec6c08e281f0213e9adf6d8 } from '../../../components/staff/JudgingDashboard'
import { CheckInView as CheckInView_2ac82f5cde71cf3e950f55433412d9b2 } from '../../../components/staff/CheckInView'
import { JudgingView as JudgingView_4a0633805faf576da44a5da579efe114 } from '../../../components/staff/JudgingView'
import { ContestResultsView as ContestResultsView_eecb0b6b92c1a413995f951a452276dd } from '../../../components/staff/ContestResultsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/staff/EventStaffTools#EventStaffTools": EventStaffTools_6d96489cbba006914deddb72c26f314e,
  "/components/staff/RegistrationActions#RegistrationActions": RegistrationActions_adb6b55f7bf8b6615194c3949c3c776e,
  "/components/staff/RegistrationsListTools#RegistrationsListTools": RegistrationsListTools_a071658f9dafcc24e0c83100d0d939d6,
  "/components/staff/DriveReport#DriveReport": DriveReport_6c725c2656569652379cd3a8c096977f,
  "/components/staff/PledgeActions#PledgeActions": PledgeActions_06b63d36bf1a660436541e2092eb1f74,
  "/components/staff/PledgesListTools#PledgesListTools": PledgesListTools_4f16331e7f740d4cfcf7573f39a1ab1d,
  "/components/staff/TransferActions#TransferActions": TransferActions_4ff14f5336b27a8a4b9e22979574338c,
  "/components/staff/StatementUpload#StatementUpload": StatementUpload_d3832071e602c89223d6d619e159d4ff,
  "/components/staff/AidRecipientsListTools#AidRecipientsListTools": AidRecipientsListTools_5aefaee0a1ac63ab61381fbb3370177b,
  "/components/staff/DriveItemField#DriveItemField": DriveItemField_1c5cfe5f6b8c16a8e9a84041920cacd8,
  "/components/staff/HandOversListTools#HandOversListTools": HandOversListTools_833ca144e9ee664db7b7ec87b729bbcd,
  "/components/staff/ContestJudgingPanel#ContestJudgingPanel": ContestJudgingPanel_ee4b92b51ad1de4dd2eda08c97fedf4a,
  "/components/staff/EntryPublicationAction#EntryPublicationAction": EntryPublicationAction_d6fa9eff3d3c5112054a440e75165ece,
  "/components/EmlDownload#EmlDownload": EmlDownload_8a5283caec6f2b63c4a3602f77d84d05,
  "/components/staff/JudgingNavLink#JudgingNavLink": JudgingNavLink_701669614024eac55c74436b0195b083,
  "/components/staff/SeatsDashboard#SeatsDashboard": SeatsDashboard_41a808052b902db66572680e527e2c50,
  "/components/staff/FundDashboard#FundDashboard": FundDashboard_f6322eb538741b394bf5303c985322e2,
  "/components/staff/JudgingDashboard#JudgingDashboard": JudgingDashboard_5e3e1ae66ec6c08e281f0213e9adf6d8,
  "/components/staff/CheckInView#CheckInView": CheckInView_2ac82f5cde71cf3e950f55433412d9b2,
  "/components/staff/JudgingView#JudgingView": JudgingView_4a0633805faf576da44a5da579efe114,
  "/components/staff/ContestResultsView#ContestResultsView": ContestResultsView_eecb0b6b92c1a413995f951a452276dd,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
