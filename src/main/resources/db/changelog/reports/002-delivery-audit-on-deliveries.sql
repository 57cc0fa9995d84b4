--liquibase formatted sql

--changeset herald:reports-002-delivery-audit-on-deliveries
-- The Delivery audit system report reads the delivery history now that it exists, instead of the outbox.
UPDATE report_types SET
    description = 'What Herald sent to whom in the reporting period: every delivery of every run, with its status.',
    sql_text = 'SELECT d.updated_at AS at, d.email AS recipient, r.schedule_name AS schedule, d.status, d.attempts, d.sent_at, d.message_id, d.error
FROM deliveries d JOIN runs r ON r.id = d.run_id
WHERE d.updated_at >= :period_start AND d.updated_at < :period_end
ORDER BY d.updated_at DESC',
    updated_at = UTC_TIMESTAMP(6)
WHERE type_key = 'delivery_audit';
