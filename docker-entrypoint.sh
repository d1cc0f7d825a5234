#!/bin/sh
# Apply committed migrations, then serve. DATABASE_URL must point at PostgreSQL >= 15.
set -e
if [ -z "$DATABASE_URL" ]; then
  echo "DATABASE_URL is required in the container (the embedded database is for npm start)." >&2
  exit 1
fi
(cd /app/ops && node bin/readyboard.mjs db migrate)
# With no users yet: the admin from READYBOARD_ADMIN_EMAIL/_PASSWORD (or a printed random one).
(cd /app/ops && node bin/readyboard.mjs user ensure-admin)
exec node server.js
