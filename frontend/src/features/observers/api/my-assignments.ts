import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api-client';
import { uploadFile } from '@/lib/upload';
import type { components } from '@/types/api.gen';

export type NoteInput = components['schemas']['ObserverNoteInput'];
export type ActInput = components['schemas']['ObserverActInput'];
export type ObserverAct = components['schemas']['ObserverAct'];
export type ObserverNote = components['schemas']['ObserverNote'];

/** The signed-in observer's assignments. */
export const useMyAssignments = () =>
  useQuery({
    queryKey: ['observer', 'assignments'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/observer/assignments', { signal })),
  });

const useObserverMutation = <A, R>(fn: (args: A) => Promise<R>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['observer'] }),
  });
};

/** «Я на месте». */
export const useMarkPresence = () =>
  useObserverMutation((assignmentId: number) =>
    unwrap(
      api.POST('/api/observer-assignments/{assignmentId}/presence', {
        params: { path: { assignmentId } },
      }),
    ),
  );

/** Files a note, then attaches its photo (if any). */
export const useCreateNote = () =>
  useObserverMutation(
    async ({
      assignmentId,
      note,
      photo,
    }: {
      assignmentId: number;
      note: NoteInput;
      photo?: File;
    }) => {
      const created = await unwrap(
        api.POST('/api/observer-assignments/{assignmentId}/notes', {
          params: { path: { assignmentId } },
          body: note,
        }),
      );
      if (photo) {
        await uploadFile({
          url: `/api/observer-notes/${created.id}/files?fileName=${encodeURIComponent(photo.name)}`,
          file: photo,
          contentType: 'application/octet-stream',
        });
      }
      return created;
    },
  );

export const useNotes = (assignmentId: number) =>
  useQuery({
    queryKey: ['observer', 'notes', assignmentId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/observer-assignments/{assignmentId}/notes', {
          params: { path: { assignmentId } },
          signal,
        }),
      ),
  });

export const useAct = (assignmentId: number, enabled: boolean) =>
  useQuery({
    queryKey: ['observer', 'act', assignmentId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/observer-assignments/{assignmentId}/act', {
          params: { path: { assignmentId } },
          signal,
        }),
      ),
    enabled,
  });

/** Saves the act's fields, then uploads its signed scan (if chosen). */
export const useSaveAct = () =>
  useObserverMutation(
    async ({ assignmentId, act, scan }: { assignmentId: number; act: ActInput; scan?: File }) => {
      const saved = await unwrap(
        api.PUT('/api/observer-assignments/{assignmentId}/act', {
          params: { path: { assignmentId } },
          body: act,
        }),
      );
      if (!scan) return saved;
      return uploadFile<ObserverAct>({
        url: `/api/observer-assignments/${assignmentId}/act/scan?fileName=${encodeURIComponent(scan.name)}`,
        file: scan,
        contentType: 'application/octet-stream',
      });
    },
  );
