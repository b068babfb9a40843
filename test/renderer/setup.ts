import { setDateLocale } from '@renderer/components/dates';

// Dates show in the user's locale; the tests read them in one, en-GB ("30 Nov 2026"),
// whatever the machine's language. A test of another locale sets it and puts this back.
setDateLocale('en-GB');
