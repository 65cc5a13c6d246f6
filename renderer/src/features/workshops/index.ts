// The workshops feature: the list of stored workshops (create, import, rename, delete), and
// export of the open one as a .bridgeboard file, and files the OS opened with the desktop app.
export { WorkshopList } from './WorkshopList';
export { ExportWorkshopButton } from './ExportWorkshopButton';
export { importOpenedFiles, useOpenedFiles, type OpenedFileReport } from './openedFiles';
