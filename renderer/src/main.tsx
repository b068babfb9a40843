import { createClient, detectFileSender, detectTransport } from '@renderer/api/client';
import { ClientContext } from '@renderer/api/queries';
import { App } from '@renderer/app/App';
import { applyStoredTheme } from '@renderer/app/theme';
import { ConfirmHost } from '@renderer/ui/ConfirmDialog';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@renderer/styles.css';
import '@renderer/features/plan/plan.css';

// Before the first render, so the first paint already has the chosen theme.
applyStoredTheme();

const client = createClient(detectTransport(), detectFileSender());
// Local database: data is fresh until a command changes it (commands invalidate the cache).
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <App />
        <ConfirmHost />
      </QueryClientProvider>
    </ClientContext.Provider>
  </StrictMode>,
);
