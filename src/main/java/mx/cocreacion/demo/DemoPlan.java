package mx.cocreacion.demo;

import java.util.List;

/**
 * What the people of one demo entidad submit, task by task, when the demo data walks their
 * exercise (see {@link DemoExercises}). Dates are days relative to the public launch of the PAL.
 */
record DemoPlan(
    String entity,
    String guarantorBody,
    /** Signatory of the joint declaration per sector: guarantor, society, government. */
    List<String> signatories,
    List<Session> outreachSessions,
    List<Actor> actors,
    /** Six members: titular and suplente of guarantor, society and government, in that order. */
    List<Member> stl,
    String decisionRule,
    String rulesText,
    Member facilitator,
    List<Dated> agenda,
    List<Table> workingTables,
    /** The consolidated commitments (JSON array, as the form submits it); dueDate values are %s placeholders. */
    String commitmentsJson,
    String launchPlace) {

  record Session(int day, String place, int attendees) {}

  record Actor(String name, String organization, String sector, String email) {}

  record Member(String name, String email, String sector, String role) {}

  record Dated(int day, String text) {}

  /** A working table: its topic, its date, who took part and the problems it found. */
  record Table(String topic, int day, List<Actor> participants, List<String> problems) {}

  /** Jalisco: three commitments (water, public works, gender budget). */
  static DemoPlan jalisco() {
    String domain = "@jal.demo.cocreacion.mx";
    return new DemoPlan("jal",
        "Instituto de Transparencia, Información Pública y Protección de Datos Personales del Estado de Jalisco",
        List.of("Laura Medina Orozco", "Tomás Ibarra Ruelas", "Daniel Zepeda Cortés"),
        List.of(new Session(-190, "Auditorio del organismo garante, Guadalajara", 64),
            new Session(-183, "Centro Universitario de los Altos, Tepatitlán de Morelos", 38),
            new Session(-176, "Casa de la Cultura de Puerto Vallarta", 29)),
        List.of(new Actor("Laura Medina Orozco", "Organismo garante de Jalisco", "guarantor", "laura.medina" + domain),
            new Actor("Colectivo Ciudad Abierta", "Colectivo Ciudad Abierta A.C.", "society", "contacto" + domain),
            new Actor("Observatorio del Agua de Jalisco", "Universidad de Guadalajara", "society", "observatorio.agua" + domain),
            new Actor("Daniel Zepeda Cortés", "Secretaría de Infraestructura y Obra Pública", "government", "daniel.zepeda" + domain)),
        List.of(new Member("Laura Medina Orozco", "laura.medina" + domain, "guarantor", "titular"),
            new Member("Óscar Villaseñor Ríos", "oscar.villasenor" + domain, "guarantor", "suplente"),
            new Member("Tomás Ibarra Ruelas", "tomas.ibarra" + domain, "society", "titular"),
            new Member("Fernanda Gil Navarro", "fernanda.gil" + domain, "society", "suplente"),
            new Member("Daniel Zepeda Cortés", "daniel.zepeda" + domain, "government", "titular"),
            new Member("Mariana Cuevas Lara", "mariana.cuevas" + domain, "government", "suplente")),
        "consensus",
        "Sesiones ordinarias el primer martes de cada mes; quórum de la mitad más uno de sus integrantes; "
            + "los acuerdos se toman por consenso y se publican en el micrositio.",
        new Member("Ricardo Lomelí Vega", "ricardo.lomeli" + domain, "society", "titular"),
        List.of(new Dated(-150, "Mesas de trabajo participativas"), new Dated(-120, "Aprobación de compromisos"),
            new Dated(0, "Lanzamiento público del PAL"), new Dated(182, "Monitoreo del INAI")),
        List.of(new Table("Agua y medio ambiente", -150,
                List.of(new Actor("Observatorio del Agua de Jalisco", "Universidad de Guadalajara", "society", ""),
                    new Actor("Ing. Rosa Padilla", "Comisión Estatal del Agua", "government", "")),
                List.of("No se publica la calidad del agua por colonia", "Las quejas ciudadanas no tienen seguimiento")),
            new Table("Obra pública y movilidad", -146,
                List.of(new Actor("Colectivo Ciudad Abierta", "Colectivo Ciudad Abierta A.C.", "society", ""),
                    new Actor("Daniel Zepeda Cortés", "Secretaría de Infraestructura y Obra Pública", "government", "")),
                List.of("Los avances de obra no son verificables", "Presupuesto con perspectiva de género sin seguimiento"))),
        """
        [{"title":"Monitoreo ciudadano de la calidad del agua",
          "problem":"No se publica la calidad del agua por colonia y las quejas no tienen seguimiento",
          "description":"Publicar en datos abiertos los resultados de calidad del agua por colonia y crear comités ciudadanos que den seguimiento a las quejas",
          "responsible":"Comisión Estatal del Agua de Jalisco","sdgs":[6,16],
          "criteria":{"inclusive":true,"strategic":true,"transformative":true,"replicable":true,"measurable":true,
                      "agenda2030":true,"gender":false,"anticorruption":false},
          "activities":[{"title":"Publicar resultados de calidad del agua","product":"Conjunto de datos abiertos mensual","indicator":"Meses publicados","baseline":"0","target":"12","dueDate":"%s"},
                        {"title":"Instalar comités ciudadanos del agua","product":"Comités instalados","indicator":"Comités","baseline":"0","target":"8","dueDate":"%s"},
                        {"title":"Tablero de quejas y respuestas","product":"Tablero público","indicator":"Quejas con respuesta publicada","baseline":"0 %%","target":"90 %%","dueDate":"%s"}]},
         {"title":"Obra pública de movilidad verificable",
          "problem":"Los avances de obra no son verificables por la ciudadanía",
          "description":"Publicar contratos, avance físico y financiero de cada obra de movilidad con fotografías georreferenciadas",
          "responsible":"Secretaría de Infraestructura y Obra Pública","sdgs":[9,11,16],
          "criteria":{"inclusive":false,"strategic":true,"transformative":true,"replicable":true,"measurable":true,
                      "agenda2030":true,"gender":false,"anticorruption":true},
          "activities":[{"title":"Portal de obra pública","product":"Portal con contratos y avances","indicator":"Obras publicadas","baseline":"0","target":"40","dueDate":"%s"},
                        {"title":"Recorridos de contraloría social","product":"Informes de recorrido","indicator":"Recorridos","baseline":"0","target":"12","dueDate":"%s"}]},
         {"title":"Presupuesto participativo con perspectiva de género",
          "problem":"El presupuesto participativo no considera las necesidades de las mujeres",
          "description":"Asambleas con cuota de paridad y seguimiento público de los proyectos elegidos",
          "responsible":"Secretaría de la Hacienda Pública","sdgs":[5,10,16],
          "criteria":{"inclusive":true,"strategic":false,"transformative":false,"replicable":true,"measurable":true,
                      "agenda2030":true,"gender":true,"anticorruption":false},
          "activities":[{"title":"Asambleas paritarias","product":"Actas de asamblea","indicator":"Asambleas","baseline":"0","target":"10","dueDate":"%s"},
                        {"title":"Seguimiento público de proyectos","product":"Informe trimestral","indicator":"Informes","baseline":"0","target":"4","dueDate":"%s"}]}]""",
        "Patio del Palacio de Gobierno, Guadalajara");
  }

  /** Campeche: two commitments (fisheries, maternal health). */
  static DemoPlan campeche() {
    String domain = "@cam.demo.cocreacion.mx";
    return new DemoPlan("cam",
        "Comisión de Transparencia y Acceso a la Información Pública del Estado de Campeche",
        List.of("Adriana Pech Canul", "Gilberto Uc Chablé", "Rosario Ehuán Sosa"),
        List.of(new Session(-200, "Sala de usos múltiples del organismo garante, San Francisco de Campeche", 41),
            new Session(-193, "Casa ejidal de Hopelchén", 33)),
        List.of(new Actor("Adriana Pech Canul", "Organismo garante de Campeche", "guarantor", "adriana.pech" + domain),
            new Actor("Red de Pescadores del Golfo", "Red de Pescadores del Golfo A.C.", "society", "red.pescadores" + domain),
            new Actor("Parteras Mayas Unidas", "Colectivo de parteras tradicionales", "society", ""),
            new Actor("Rosario Ehuán Sosa", "Secretaría de Salud de Campeche", "government", "rosario.ehuan" + domain)),
        List.of(new Member("Adriana Pech Canul", "adriana.pech" + domain, "guarantor", "titular"),
            new Member("Javier Cámara Dzib", "javier.camara" + domain, "guarantor", "suplente"),
            new Member("Gilberto Uc Chablé", "gilberto.uc" + domain, "society", "titular"),
            new Member("Elena Poot Ku", "elena.poot" + domain, "society", "suplente"),
            new Member("Rosario Ehuán Sosa", "rosario.ehuan" + domain, "government", "titular"),
            new Member("Manuel Ortegón Can", "manuel.ortegon" + domain, "government", "suplente")),
        "majority",
        "Sesiones bimestrales; quórum de cuatro integrantes; los acuerdos se toman por mayoría de titulares "
            + "y cada sector conserva voz en las minutas.",
        new Member("Carmen Zavala Haas", "carmen.zavala" + domain, "society", "titular"),
        List.of(new Dated(-160, "Mesas de trabajo participativas"), new Dated(-130, "Aprobación de compromisos"),
            new Dated(0, "Lanzamiento público del PAL")),
        List.of(new Table("Pesca y costas", -160,
                List.of(new Actor("Red de Pescadores del Golfo", "Red de Pescadores del Golfo A.C.", "society", ""),
                    new Actor("Lic. Jorge Balán", "Secretaría de Pesca y Acuacultura", "government", "")),
                List.of("El padrón de permisos de pesca no es público", "Los apoyos no llegan a la pesca ribereña")),
            new Table("Salud materna", -156,
                List.of(new Actor("Parteras Mayas Unidas", "Colectivo de parteras tradicionales", "society", ""),
                    new Actor("Rosario Ehuán Sosa", "Secretaría de Salud de Campeche", "government", "")),
                List.of("La información de salud materna no está en maya"))),
        """
        [{"title":"Padrón abierto de pesca responsable",
          "problem":"El padrón de permisos de pesca no es público y los apoyos no llegan a la pesca ribereña",
          "description":"Publicar el padrón de permisos y de apoyos a la pesca en datos abiertos y verificarlo en asambleas de las cooperativas",
          "responsible":"Secretaría de Pesca y Acuacultura","sdgs":[14,16],
          "criteria":{"inclusive":true,"strategic":true,"transformative":true,"replicable":true,"measurable":true,
                      "agenda2030":true,"gender":false,"anticorruption":true},
          "activities":[{"title":"Publicar el padrón de permisos","product":"Padrón en datos abiertos","indicator":"Permisos publicados","baseline":"0 %%","target":"100 %%","dueDate":"%s"},
                        {"title":"Asambleas de verificación","product":"Actas de asamblea","indicator":"Cooperativas","baseline":"0","target":"15","dueDate":"%s"}]},
         {"title":"Salud materna con información en lengua maya",
          "problem":"La información de salud materna no está en maya ni llega a las comunidades",
          "description":"Materiales de salud materna en maya, con parteras tradicionales, y datos abiertos de atención por municipio",
          "responsible":"Secretaría de Salud de Campeche","sdgs":[3,5,10],
          "criteria":{"inclusive":true,"strategic":true,"transformative":false,"replicable":true,"measurable":true,
                      "agenda2030":true,"gender":true,"anticorruption":false},
          "activities":[{"title":"Materiales en maya","product":"Guías y cápsulas de radio","indicator":"Materiales","baseline":"0","target":"6","dueDate":"%s"},
                        {"title":"Datos abiertos de atención materna","product":"Conjunto de datos por municipio","indicator":"Municipios","baseline":"0","target":"13","dueDate":"%s"}]}]""",
        "Explanada del Baluarte de San Carlos, San Francisco de Campeche");
  }
}
