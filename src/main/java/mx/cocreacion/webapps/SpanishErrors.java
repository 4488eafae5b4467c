package mx.cocreacion.webapps;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error answers in Spanish: the HTML page ({@code templates/error.html}, with a way back to
 * the microsite and to Tasklist) and the JSON of API clients ({@code message}) say what happened in words,
 * instead of the English "Whitelabel Error Page" and "Not Found".
 */
@Component
public class SpanishErrors extends DefaultErrorAttributes {

  static final Map<Integer, String[]> TEXTS = Map.of(
      400, new String[] {"Solicitud no válida", "La solicitud no se entendió. Revise la dirección o los datos."},
      401, new String[] {"Se requiere iniciar sesión", "Esta página o servicio requiere su usuario y contraseña."},
      403, new String[] {"Sin permiso", "Su cuenta no tiene permiso para ver esto."},
      404, new String[] {"Página no encontrada", "No existe una página con esta dirección. Puede que el enlace "
          + "esté incompleto o que la página se haya movido."},
      405, new String[] {"Operación no permitida", "Esta dirección no acepta esa operación."},
      413, new String[] {"Archivo demasiado grande", "Lo que envió es demasiado grande."},
      503, new String[] {"Servicio no disponible por un momento", "La plataforma no pudo atenderle ahora. "
          + "No se guardó nada: intente de nuevo en unos segundos."});

  static final String[] OTHER = {"Algo salió mal", "No pudimos atender su solicitud. Intente de nuevo; si se repite, "
      + "avise a la administración de la plataforma."};

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object status = attributes.get("status");
    String[] text = status instanceof Integer code ? TEXTS.getOrDefault(code, OTHER) : OTHER;
    attributes.put("titulo", text[0]);
    attributes.put("mensaje", text[1]);
    attributes.put("message", text[1]);
    attributes.remove("trace");
    attributes.remove("exception");
    return attributes;
  }
}
