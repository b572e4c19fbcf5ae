import type { StringTable } from './en';

/**
 * Spanish. The console profile has no Spanish labels on purpose: this language proves that the
 * extension finds the view by structure alone (docs/ARCHITECTURE.md#console-hosts-and-detection).
 */
export const es: StringTable = {
  productName: 'Adobe Experience Manager Assets',
  loading: 'Cargando…',
  orgLabel: 'Organización',
  appFrameTitle: 'Adobe Experience Manager Assets',

  navLabel: 'Navegación de Assets',
  navMyWorkspace: 'Mi espacio de trabajo',
  navSearch: 'Buscar',
  navTasks: 'Tareas',
  navRecentlyViewed: 'Vistos recientemente',
  navLibraries: 'Bibliotecas',
  navInsights: 'Información',
  navGroupAssetsManagement: 'Gestión de recursos',
  navAssets: 'Recursos',
  navCollections: 'Colecciones',
  navTrash: 'Papelera',
  navGroupSettings: 'Configuración',
  navMetadataForms: 'Formularios de metadatos',
  navReports: 'Informes',
  navTaxonomyManagement: 'Gestión de taxonomía',
  navCreativeCloud: 'Creative Cloud',
  navBulkImports: 'Importaciones masivas',
  navGeneralSettings: 'Configuración general',
  navBlockedTags: 'Etiquetas bloqueadas',

  ccTitle: 'Configuración de Creative Cloud',
  ccCurrentOrgHeading: 'ID de organización de Creative Cloud actual',
  ccNoOrgConnected: 'No hay ninguna organización de Creative Cloud conectada.',
  ccLastChanged: 'Último cambio: {date}, por {user}',
  ccOrgSectionHeading: 'Organización de Creative Cloud',
  ccNotice:
    'Esta configuración se aplicará a todas las personas de su organización que usen Adobe Experience Manager Assets',
  ccIntegrationHeading: 'Integración de Express y las bibliotecas de Creative Cloud',
  ccIntegrationText:
    'Conecte una organización de Creative Cloud para usar Adobe Express y las bibliotecas de Creative Cloud desde Adobe Experience Manager Assets. Solo se puede conectar una organización de Creative Cloud a la vez; una nueva sustituye a la actual.',
  pickerLabel: 'Seleccionar nuevo ID de organización de Creative Cloud',
  pickerPlaceholder: 'Seleccione una organización',
  pickerEmpty: 'No hay organizaciones disponibles',
  switchButton: 'Cambiar de organización',
  switching: 'Cambiando de organización…',
  switchSucceeded: 'La organización de Creative Cloud es ahora {name} ({id}).',
  switchFailed: 'No se pudo cambiar de organización: {code} — {message}',
  loadFailed: 'No se pudo cargar esta página: {code} — {message}',
  retry: 'Reintentar',

  assetsTitle: 'Recursos',
  assetsEmpty: '{org} todavía no tiene recursos en este entorno de pruebas.',
  generalTitle: 'Configuración general',
  generalOrgName: 'Organización',
  generalOrgId: 'ID de organización',
  generalTenant: 'Inquilino',
  generalSignedInAs: 'Sesión iniciada como',
  notInSandbox: 'Esta página no forma parte del entorno de pruebas.',
  notFoundTitle: 'Página no encontrada',
};
