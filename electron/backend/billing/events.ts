declare module '@backend/core/context' {
  interface HookEvents {
    /**
     * Billing asks, inside the write that records hours, which days are
     * replacement hand-overs (no extra cost for the client): each hook adds to
     * `windows` the overlaps (inclusive dates) of incoming specialists in
     * `specialistIds` on `engagementIds` that touch `from`–`to`. Continuity
     * answers from its fulfilled replacement requests.
     */
    'billing.handoverWindows': {
      specialistIds: readonly string[];
      engagementIds: readonly string[];
      from: string;
      to: string;
      windows: { specialistId: string; engagementId: string; from: string; to: string }[];
    };
    /**
     * A month of an engagement was approved (inside the approval's write). Other areas record
     * what they need to keep as of the month's last day (the ownership matrix takes a snapshot);
     * a hook that throws refuses the approval.
     */
    'billing.monthApproved': { engagementId: string; month: string; approvedAt: string; approvedBy: string };
  }
}

export {};
