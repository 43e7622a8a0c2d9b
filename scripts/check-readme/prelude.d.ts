// The reader's own objects that README snippets use without defining them. Nothing else may be
// used undeclared: a snippet that needs a library name imports it, as an app would.

/** The reader's Kinde SDK client (e.g. `@kinde-oss/kinde-auth-pkce-js`' `createKindeClient()`). */
declare const kinde: { getAccessToken(): Promise<string | undefined> }
/** The reader's access token, however they got it. */
declare const token: string
/** The reader's root component. */
declare const App: import('vue').Component

// The reader's UI functions.
declare function greet(name: string | null): void
declare function toggleBetaUi(on: boolean): void
declare function showBilling(): void
declare function showExportButton(): void
declare function render(state: unknown): void
declare function wait(ms: number): void

// The reader's components (JSX and Svelte).
declare function NewBadge(): null
declare const NewDashboard: import('svelte').Component
