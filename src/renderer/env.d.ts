// Vite bundles imported stylesheets, which export nothing the code uses.
declare module '*.css';
