"""PDF documents in the national administrative format (Nghị định 30/2020/NĐ-CP)."""
