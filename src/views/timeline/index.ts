export { TreatmentResistancePage, type TreatmentResistancePageProps } from './TreatmentResistancePage';
export { copyToNoteText } from './copyText';
export type { ScaleThresholdsView, ThresholdLookup } from './scale-thresholds';
