package mx.cocreacion.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import mx.cocreacion.security.EndUserGuard;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.filter.FilterQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.rest.FilterRestService;
import org.camunda.bpm.engine.rest.dto.runtime.FilterDto;
import org.camunda.bpm.engine.rest.dto.runtime.FilterQueryDto;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * A person's filters with the number of tasks in each ({@code GET .../filter?itemCount=true}), as engine REST clients
 * ask for them (a dashboard, a mobile client; Tasklist 7.24 itself lists the filters without counts and counts only
 * the page of the one in focus). Camunda's engine REST answers it with one engine command for the list and then one
 * per filter, each its own transaction that reads the filter again, checks the person's permission to read it again
 * and asks again whether any revoke authorization applies to them. This answers the same request with one command:
 * the filters the person may read (the list query checks READ on each filter, as the count command would), and each
 * filter's stored task query counted inside that command, as Camunda's count command counts it (its expressions,
 * authorization and tenant checks evaluated for the person). Same answer, same JSON ({@link FilterDto}); only the
 * list with {@code itemCount=true} is taken over, under any root (engine REST and the webapps' engine API).
 * Registered by {@link WebappsAutoDiscoverable}.
 */
public class FilterCountsInOneCommand implements ContainerRequestFilter {

  /** How many lists with counts this answered (read by its test: that the request did not reach Camunda's). */
  static final LongAdder ANSWERED = new LongAdder();

  @Context
  private ResourceInfo resource;

  @Context
  private Providers providers;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!isFilterListWithCounts(request)) {
      return;
    }
    MultivaluedMap<String, String> parameters = request.getUriInfo().getQueryParameters();
    Integer firstResult;
    Integer maxResults;
    try {
      firstResult = integer(parameters.getFirst("firstResult"));
      maxResults = integer(parameters.getFirst("maxResults"));
    } catch (NumberFormatException malformed) {
      return; // Camunda's own answer to a malformed number
    }
    ProcessEngine engine = EngineUtil.lookupProcessEngine(request.getUriInfo().getPathParameters().getFirst("name"));
    if (engine == null) {
      return; // Camunda's own answer to an unknown engine
    }
    ObjectMapper mapper = objectMapper();
    FilterQuery query = new FilterQueryDto(mapper, parameters).toQuery(engine);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<FilterDto> filters = EndUserGuard.permit(CountFilters.class,
        () -> configuration.getCommandExecutorTxRequired().execute(new CountFilters(query, firstResult, maxResults)));
    ANSWERED.increment();
    request.abortWith(Response.ok(filters, MediaType.APPLICATION_JSON_TYPE).build());
  }

  /** The cheap questions first: the matched resource comes through a proxy of the request scope. */
  private boolean isFilterListWithCounts(ContainerRequestContext request) {
    if (!HttpMethod.GET.equals(request.getMethod()) || resource == null
        || !Boolean.parseBoolean(request.getUriInfo().getQueryParameters().getFirst("itemCount"))) {
      return false;
    }
    Method method = resource.getResourceMethod();
    return method != null && "getFilters".equals(method.getName())
        && resource.getResourceClass() != null && FilterRestService.class.isAssignableFrom(resource.getResourceClass());
  }

  private ObjectMapper objectMapper() {
    ContextResolver<ObjectMapper> resolver = providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
    ObjectMapper mapper = resolver == null ? null : resolver.getContext(ObjectMapper.class);
    return mapper != null ? mapper : new ObjectMapper();
  }

  private static Integer integer(String value) {
    return value == null ? null : Integer.valueOf(value);
  }

  /**
   * The filters a person may read, each with its count, in one command: the list query and the counts run
   * inside it (Camunda's nested calls reuse the command context), so one transaction, one authorization session.
   */
  record CountFilters(FilterQuery query, Integer firstResult, Integer maxResults) implements Command<List<FilterDto>> {

    @Override
    public List<FilterDto> execute(CommandContext commandContext) {
      List<Filter> filters = firstResult == null && maxResults == null ? query.list()
          : query.listPage(firstResult == null ? 0 : firstResult, maxResults == null ? Integer.MAX_VALUE : maxResults);
      List<FilterDto> answer = new ArrayList<>(filters.size());
      for (Filter filter : filters) {
        FilterDto dto = FilterDto.fromFilter(filter);
        // What ExecuteFilterCountCmd does after reading the filter and checking READ on it, which the list did.
        AbstractQuery<?, ?> stored = filter.getQuery();
        dto.setItemCount(stored.count());
        answer.add(dto);
      }
      return answer;
    }
  }
}
