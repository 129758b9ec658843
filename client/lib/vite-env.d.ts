// Vite's client types: lets TypeScript accept the CSS imports of the entries (and import.meta.env).
/// <reference types="vite/client" />
