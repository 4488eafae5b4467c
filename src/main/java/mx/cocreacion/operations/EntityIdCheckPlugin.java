package mx.cocreacion.operations;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda's check of an inserted entity's id, with its message written only when the check fails.
 *
 * <p>Before it keeps a new entity for the flush, Camunda's {@link DbEntityManager} checks that its id is neither
 * missing nor {@code *}, and builds the message of that check first: {@code "Entity " + entity + " has an invalid id"},
 * the entity's {@code toString} with all its fields, at every insert (history rows, variables, grants, the
 * operation log: about 1,000 in one exercise). In the benchmark's walk that string was 2.3 % of a node's request
 * CPU (docs/benchmark.md, session 25). The same check runs here, and a failing one goes to Camunda's, with its
 * message and exception.
 */
@Component
public class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    // A custom factory of the same session type replaces the engine's own (initSessionFactories). The id
    // generator is read when a session opens: the engine sets it up after the plugins' preInit.
    configuration.getCustomSessionFactories().add(new DbEntityManagerFactory(null) {
      @Override
      public DbEntityManager openSession() {
        PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
        return new Manager(configuration.getIdGenerator(), persistence);
      }
    });
  }

  /** Camunda's entity manager; only the id check differs, as the class comment says. */
  static final class Manager extends DbEntityManager {

    Manager(IdGenerator idGenerator, PersistenceSession persistence) {
      super(idGenerator, persistence);
    }

    @Override
    protected void validateId(DbEntity entity) {
      String id = entity.getId();
      if (id == null || Authorization.ANY.equals(id)) {
        super.validateId(entity);
      }
    }
  }
}
