"use client";

// Shown when the root layout itself fails, so it cannot rely on the message catalog.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Readyboard is not available right now</h1>
        <p>Try again in a moment. If it keeps happening, tell your admin{error.digest ? ` (reference ${error.digest})` : ""}.</p>
        <button type="button" onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
