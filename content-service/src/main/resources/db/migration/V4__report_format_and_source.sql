-- MDX reports next to Markdown ones; the imported document is kept as uploaded so that the export returns it exactly
ALTER TABLE report ADD COLUMN format varchar(10) NOT NULL DEFAULT 'MARKDOWN' CHECK (format IN ('MARKDOWN', 'MDX'));
ALTER TABLE report ADD COLUMN source text;
