/** Protocol 1's names and comments live in this browser only: the shared hook does the keeping. */
export { useLocalRecord, type LocalRecord } from '@/hooks/use-local-record';
