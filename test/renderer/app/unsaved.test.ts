import { useNav, useUnsaved } from '@renderer/app/stores';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  useUnsaved.getState().setDirty(false);
  useNav.getState().go({ area: 'clients', recordId: null });
});

describe('unsaved changes guard', () => {
  it('navigates freely when nothing is unsaved', () => {
    const confirm = vi.spyOn(window, 'confirm');
    useNav.getState().go({ area: 'specialists', recordId: null });
    expect(useNav.getState().route.area).toBe('specialists');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks before leaving a form with changes, and stays when the user says no', () => {
    useNav.getState().go({ area: 'clients', recordId: 'new' });
    useUnsaved.getState().setDirty(true);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    useNav.getState().go({ area: 'clients', recordId: null });
    expect(confirm).toHaveBeenCalledWith('You have unsaved changes in this form. Discard them?');
    expect(useNav.getState().route).toEqual({ area: 'clients', recordId: 'new' });
    expect(useUnsaved.getState().dirty).toBe(true);

    confirm.mockReturnValue(true);
    useNav.getState().go({ area: 'audit', recordId: null });
    expect(useNav.getState().route.area).toBe('audit');
    expect(useUnsaved.getState().dirty).toBe(false);
  });
});
