package cn.zhifa.academy.platform.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Read side of the audit log. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditQueries {

    /** Newest first, keyset-paged by id; every filter optional. */
    public List<AuditEvent> page(Long beforeId, String action, String entityType, String entityId, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (beforeId != null) {
            where.add("id < :before");
            params.put("before", beforeId);
        }
        if (action != null && !action.isBlank()) {
            where.add("action = :action");
            params.put("action", action);
        }
        if (entityType != null && !entityType.isBlank()) {
            where.add("entityType = :entityType");
            params.put("entityType", entityType);
        }
        if (entityId != null && !entityId.isBlank()) {
            where.add("entityId = :entityId");
            params.put("entityId", entityId);
        }
        String q = (where.isEmpty() ? "" : String.join(" AND ", where)) + " ORDER BY id DESC";
        return AuditEvent.<AuditEvent> find(q.strip(), params).page(0, size).list();
    }
}
