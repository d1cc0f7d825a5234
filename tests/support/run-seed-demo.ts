export {};

// Runs the demo seed against DATABASE_URL in its own process (the seed uses the app's one
// database client). Prints whether it seeded.
const { seedDemo } = await import("@/lib/seed/seed-demo");
const { disconnectDb } = await import("@/lib/db");
console.log(JSON.stringify({ seeded: await seedDemo() }));
await disconnectDb();
