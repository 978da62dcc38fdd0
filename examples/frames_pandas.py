"""The graph as pandas DataFrames: one row per record, flat readable columns (needs the pandas extra)."""

import asiaai_graph as ag

kg = ag.load()

models = kg.to_frame("model")
print(models[["id", "name", "name_ko", "developer_names", "parameters", "parameters_qualifier", "released"]]
      .to_string(index=False))

orgs = kg.to_frame("organization")
print("\nOrganizations by country:")
print(orgs["country"].value_counts().head(8).to_string())

money = kg.to_frame("indicator").query("measure == 'private_ai_investment'")
print("\nPrivate AI investment:")
print(money[["subject_name", "period", "amount", "currency", "amount_qualifier"]].to_string(index=False))

frames = kg.to_frames()
print("\n" + ", ".join(f"{kind}: {len(df)} rows × {len(df.columns)} columns" for kind, df in frames.items()))
