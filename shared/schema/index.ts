// The workshop document's schema: its shapes at the current version, the migrations that bring
// older docs up to it, and the update check that every peer runs before an update may apply.
export { SCHEMA_VERSION, workshopSchema } from './workshopSchema';
export { MIGRATIONS, migrate, schemaState, storedSchemaVersion, type Migration, type SchemaState } from './migrations';
export { checkWorkshopUpdate } from './checkWorkshopUpdate';
export { initWorkshop } from './newWorkshop';
