/**
 * Catalan and Spanish for the texts of bpmn-js, its properties panel and the linter that a process
 * designer meets most (palette, context pad, replace menu, properties groups and fields). Texts
 * not listed stay in English, as bpmn.io ships them.
 */
type Texts = Record<string, [ca: string, es: string]>;

const texts: Texts = {
  'Activate hand tool': ['Activa l’eina de mà', 'Activar la herramienta de mano'],
  'Activate lasso tool': ['Activa l’eina de llaç', 'Activar la herramienta de lazo'],
  'Activate create/remove space tool': ['Activa l’eina d’espai', 'Activar la herramienta de espacio'],
  'Activate global connect tool': ['Activa l’eina de connexió', 'Activar la herramienta de conexión'],
  'Create start event': ['Crea un esdeveniment d’inici', 'Crear un evento de inicio'],
  'Create intermediate/boundary event': [
    'Crea un esdeveniment intermedi o de límit',
    'Crear un evento intermedio o de borde',
  ],
  'Create end event': ['Crea un esdeveniment final', 'Crear un evento final'],
  'Create gateway': ['Crea una passarel·la', 'Crear una compuerta'],
  'Create task': ['Crea una tasca', 'Crear una tarea'],
  'Create data object reference': ['Crea un objecte de dades', 'Crear un objeto de datos'],
  'Create data store reference': ['Crea un magatzem de dades', 'Crear un almacén de datos'],
  'Create expanded sub-process': ['Crea un subprocés', 'Crear un subproceso'],
  'Create pool/participant': ['Crea un participant', 'Crear un participante'],
  'Create group': ['Crea un grup', 'Crear un grupo'],
  'Append end event': ['Afegeix un esdeveniment final', 'Añadir un evento final'],
  'Append gateway': ['Afegeix una passarel·la', 'Añadir una compuerta'],
  'Append task': ['Afegeix una tasca', 'Añadir una tarea'],
  'Append intermediate/boundary event': ['Afegeix un esdeveniment intermedi', 'Añadir un evento intermedio'],
  'Add text annotation': ['Afegeix una anotació', 'Añadir una anotación'],
  'Change element': ['Canvia l’element', 'Cambiar el elemento'],
  Delete: ['Suprimeix', 'Eliminar'],
  'Connect to other element': ['Connecta amb un altre element', 'Conectar con otro elemento'],
  'Search in diagram': ['Cerca al diagrama', 'Buscar en el diagrama'],
  General: ['General', 'General'],
  Documentation: ['Documentació', 'Documentación'],
  'Element documentation': ['Documentació de l’element', 'Documentación del elemento'],
  Name: ['Nom', 'Nombre'],
  ID: ['Identificador', 'Identificador'],
  Assignment: ['Assignació', 'Asignación'],
  Assignee: ['Persona assignada', 'Persona asignada'],
  'Candidate groups': ['Grups candidats', 'Grupos candidatos'],
  'Candidate users': ['Usuaris candidats', 'Usuarios candidatos'],
  'Due date': ['Data de venciment', 'Fecha de vencimiento'],
  'Follow up date': ['Data de seguiment', 'Fecha de seguimiento'],
  Priority: ['Prioritat', 'Prioridad'],
  Timer: ['Temporitzador', 'Temporizador'],
  Type: ['Tipus', 'Tipo'],
  Value: ['Valor', 'Valor'],
  Date: ['Data', 'Fecha'],
  Duration: ['Durada', 'Duración'],
  Cycle: ['Cicle', 'Ciclo'],
  Condition: ['Condició', 'Condición'],
  'Condition expression': ['Expressió de la condició', 'Expresión de la condición'],
  Inputs: ['Entrades', 'Entradas'],
  Outputs: ['Sortides', 'Salidas'],
  Headers: ['Capçaleres', 'Cabeceras'],
  Key: ['Clau', 'Clave'],
  'Local variable name': ['Nom de la variable local', 'Nombre de la variable local'],
  'Process variable name': ['Nom de la variable del procés', 'Nombre de la variable del proceso'],
  'Variable assignment value': ['Valor assignat', 'Valor asignado'],
  'Task definition': ['Definició de la tasca', 'Definición de la tarea'],
  'Job type': ['Tipus de feina', 'Tipo de trabajo'],
  Retries: ['Reintents', 'Reintentos'],
  Implementation: ['Implementació', 'Implementación'],
  Form: ['Formulari', 'Formulario'],
  Message: ['Missatge', 'Mensaje'],
  'Subscription correlation key': ['Clau de correlació', 'Clave de correlación'],
  'Called element': ['Element cridat', 'Elemento llamado'],
  'Process ID': ['Identificador del procés', 'Identificador del proceso'],
  'Multi-instance': ['Multiinstància', 'Multiinstancia'],
  'Input collection': ['Col·lecció d’entrada', 'Colección de entrada'],
  'Input element': ['Element d’entrada', 'Elemento de entrada'],
  'Output collection': ['Col·lecció de sortida', 'Colección de salida'],
  'Output element': ['Element de sortida', 'Elemento de salida'],
  'Version tag': ['Etiqueta de versió', 'Etiqueta de versión'],
  Error: ['Error', 'Error'],
  Template: ['Plantilla', 'Plantilla'],
  Select: ['Tria', 'Elegir'],
  'Execution listeners': ['Oients d’execució', 'Escuchas de ejecución'],
  'Extension properties': ['Propietats d’extensió', 'Propiedades de extensión'],
  'Job priority': ['Prioritat de la feina', 'Prioridad del trabajo'],
  Script: ['Script', 'Script'],
  'Result variable': ['Variable de resultat', 'Variable de resultado'],
  Executable: ['Executable', 'Ejecutable'],
  'No Issues': ['Cap problema', 'Sin problemas'],
  Process: ['Procés', 'Proceso'],
  '{errors} Errors, {warnings} Warnings': [
    '{errors} errors, {warnings} avisos',
    '{errors} errores, {warnings} avisos',
  ],
};

/** bpmn-js's `translate(template, replacements)` in a language; English is the source text. */
export function bpmnTranslate(
  language: string,
): (template: string, replacements?: Record<string, string>) => string {
  const column = language === 'ca' ? 0 : language === 'es' ? 1 : undefined;
  return (template, replacements = {}) => {
    const text = column === undefined ? template : (texts[template]?.[column] ?? template);
    return text.replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
  };
}
