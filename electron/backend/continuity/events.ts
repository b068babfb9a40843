declare module '@backend/core/context' {
  interface HookEvents {
    /**
     * A replacement request was fulfilled (inside the fulfilment's write, after the replacement's
     * allocation exists). `handOver` is the fulfil form's "hand the outgoing specialist's duties to
     * the replacement": the ownership matrix moves them from `startDate`. A hook that throws refuses
     * the fulfilment.
     */
    'continuity.replacementFulfilled': {
      requestId: string;
      engagementId: string;
      outgoingSpecialistId: string;
      replacementSpecialistId: string;
      startDate: string;
      handOver: boolean;
    };
  }
}

export {};
