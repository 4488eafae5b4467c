package mx.cocreacion.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mx.cocreacion.support.CocreacionTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine keeps its entities through {@link EntityIdCheckPlugin}'s manager, which still refuses an entity whose
 * id is {@code *} with Camunda's own message and gives one without an id a new id, as Camunda does.
 */
@CocreacionTest
class EntityIdCheckPluginTest {

  @Autowired ProcessEngine engine;

  private <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }

  @Test
  void theEngineUsesTheManagerWithTheLazyMessage() {
    Command<Class<?>> managerType = context -> context.getDbEntityManager().getClass();
    Class<?> type = inCommand(managerType);
    assertThat(type).isEqualTo(EntityIdCheckPlugin.Manager.class);
  }

  @Test
  void anEntityNamedStarIsRefusedWithCamundasMessage() {
    assertThatThrownBy(() -> inCommand(context -> {
      ByteArrayEntity bytes = new ByteArrayEntity("prueba", new byte[] {1});
      bytes.setId("*");
      context.getDbEntityManager().insert(bytes);
      return null;
    })).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity ByteArrayEntity[id=*").hasMessageContaining("has an invalid id")
        .hasMessageContaining("cannot be *");
  }

  @Test
  void anEntityWithoutIdGetsOneAndIsKept() {
    String id = inCommand(context -> {
      ByteArrayEntity bytes = new ByteArrayEntity("prueba", new byte[] {1, 2});
      context.getDbEntityManager().insert(bytes);
      return bytes.getId();
    });
    assertThat(id).isNotBlank();
    Command<byte[]> read = context -> context.getDbEntityManager().selectById(ByteArrayEntity.class, id).getBytes();
    byte[] stored = inCommand(read);
    assertThat(stored).containsExactly(1, 2);
    inCommand(context -> {
      context.getDbEntityManager().delete(context.getDbEntityManager().selectById(ByteArrayEntity.class, id));
      return null;
    });
  }
}
