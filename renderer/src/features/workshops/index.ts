// The workshops feature: the list of stored workshops (create, import, rename, delete), and
// export of the open one as a .bridgeboard file.
export { WorkshopList } from './WorkshopList';
export { ExportWorkshopButton } from './ExportWorkshopButton';
