// The technical vocabulary of the synthetic corpus (see vocabulary.h). Terms
// contain no XML-special characters, so writers may emit them unescaped.
#include "generator/vocabulary.h"

#include <cassert>

namespace patnav::gen {

namespace {

// ---------------------------------------------------------------- batteries
constexpr Term kBatteryComponents[] = {
    {"positive electrode sheet", "正极极片"},
    {"negative electrode sheet", "负极极片"},
    {"positive electrode active material", "正极活性材料"},
    {"negative electrode active material", "负极活性材料"},
    {"separator", "隔膜"},
    {"electrolyte solution", "电解液"},
    {"current collector", "集流体"},
    {"conductive agent", "导电剂"},
    {"binder", "粘结剂"},
    {"lithium salt", "锂盐"},
    {"solid electrolyte layer", "固态电解质层"},
    {"coating layer", "包覆层"},
    {"battery cell", "电芯"},
    {"battery module", "电池模组"},
    {"cooling plate", "冷却板"},
    {"electrode tab", "极耳"},
    {"top cover assembly", "顶盖组件"},
    {"pressure relief valve", "泄压阀"},
    {"carbon nanotube network", "碳纳米管网络"},
    {"silicon-carbon composite", "硅碳复合材料"},
    {"graphite particle", "石墨颗粒"},
    {"film-forming additive", "成膜添加剂"},
    {"ceramic coating", "陶瓷涂层"},
    {"cathode electrolyte interphase", "正极电解质界面膜"},
    {"battery management unit", "电池管理单元"},
    {"temperature sensor", "温度传感器"},
    {"housing", "壳体"},
    {"insulating film", "绝缘膜"},
};
constexpr Term kBatteryAdjectives[] = {
    {"high-nickel", "高镍"},       {"porous", "多孔"},        {"gradient", "梯度"},
    {"flexible", "柔性"},          {"solid-state", "固态"},   {"doped", "掺杂"},
    {"single-crystal", "单晶"},    {"layered", "层状"},       {"nano-scale", "纳米级"},
    {"fast-charging", "快充型"},   {"flame-retardant", "阻燃"}, {"lightweight", "轻量化"},
    {"surface-modified", "表面改性"},
};
constexpr Action kBatteryActions[] = {
    {"coat", "coating", "coated", "涂覆"},
    {"mix", "mixing", "mixed", "混合"},
    {"sinter", "sintering", "sintered", "烧结"},
    {"dry", "drying", "dried", "干燥"},
    {"calender", "calendering", "calendered", "辊压"},
    {"stack", "stacking", "stacked", "叠置"},
    {"weld", "welding", "welded", "焊接"},
    {"inject", "injecting", "injected", "注入"},
    {"charge", "charging", "charged", "充电"},
    {"detect", "detecting", "detected", "检测"},
    {"measure", "measuring", "measured", "测量"},
    {"disperse", "dispersing", "dispersed", "分散"},
    {"encapsulate", "encapsulating", "encapsulated", "封装"},
    {"cool", "cooling", "cooled", "冷却"},
};
constexpr Term kBatteryRelations[] = {
    {"is disposed on %", "设置于%上"},
    {"is coated on a surface of %", "涂覆于%的表面"},
    {"is electrically connected to %", "与%电连接"},
    {"is in contact with %", "与%接触"},
    {"is stacked on %", "层叠于%上"},
    {"surrounds %", "包围%"},
    {"is welded to %", "焊接于%"},
    {"is embedded in %", "嵌设于%中"},
    {"is attached to %", "附着于%"},
};
constexpr Param kBatteryParams[] = {
    {"median particle size", "中值粒径", "μm", 3, 200, 10},
    {"thickness", "厚度", "μm", 5, 200, 1},
    {"porosity", "孔隙率", "%", 20, 70, 1},
    {"compaction density", "压实密度", "g/cm³", 140, 380, 100},
    {"specific capacity", "比容量", "mAh/g", 140, 420, 1},
    {"mass fraction", "质量分数", "%", 1, 300, 10},
    {"ionic conductivity", "离子电导率", "mS/cm", 1, 200, 10},
    {"charging rate", "充电倍率", "C", 5, 60, 10},
    {"operating temperature", "工作温度", "°C", -30, 80, 1},
    {"nickel content", "镍含量", "mol%", 50, 98, 1},
};
constexpr Term kBatteryEffects[] = {
    {"improve the cycle stability of the battery", "提高电池的循环稳定性"},
    {"reduce the internal resistance of the battery cell", "降低电芯的内阻"},
    {"suppress the growth of lithium dendrites", "抑制锂枝晶的生长"},
    {"increase the energy density", "提高能量密度"},
    {"enhance the rate performance", "提升倍率性能"},
    {"improve the safety under thermal abuse conditions", "提高热滥用条件下的安全性"},
    {"reduce gas generation during high-temperature storage", "减少高温存储过程中的产气"},
    {"extend the service life of the battery pack", "延长电池包的使用寿命"},
    {"improve the uniformity of the electrode coating", "提高电极涂布的均匀性"},
    {"lower the manufacturing cost", "降低制造成本"},
};
constexpr Term kBatteryProducts[] = {
    {"electric vehicle", "电动汽车"},       {"energy storage system", "储能系统"},
    {"electronic device", "电子设备"},      {"power tool", "电动工具"},
    {"battery pack", "电池包"},
};
constexpr std::string_view kBatteryProblems[] = {
    "the capacity of conventional lithium-ion batteries decays rapidly during long-term cycling",
    "side reactions between the electrolyte and the electrode surface generate gas and increase the impedance",
    "the volume expansion of silicon-based materials during lithiation causes particle pulverization",
    "thermal runaway in one battery cell may propagate to adjacent cells",
    "existing separators shrink significantly at elevated temperatures",
    "the interface resistance between a solid electrolyte and an electrode remains high",
    "lithium plating occurs on the negative electrode during fast charging at low temperatures",
};

// ---------------------------------------------------- artificial intelligence
constexpr Term kAiComponents[] = {
    {"neural network model", "神经网络模型"},
    {"feature extraction layer", "特征提取层"},
    {"attention module", "注意力模块"},
    {"training data set", "训练数据集"},
    {"loss function", "损失函数"},
    {"feature vector", "特征向量"},
    {"embedding vector", "嵌入向量"},
    {"encoder", "编码器"},
    {"decoder", "解码器"},
    {"classifier", "分类器"},
    {"knowledge graph", "知识图谱"},
    {"language model", "语言模型"},
    {"inference engine", "推理引擎"},
    {"processor", "处理器"},
    {"memory", "存储器"},
    {"graphics processing unit", "图形处理器"},
    {"sample image", "样本图像"},
    {"label information", "标签信息"},
    {"parameter server", "参数服务器"},
    {"convolutional layer", "卷积层"},
    {"reward function", "奖励函数"},
    {"query request", "查询请求"},
    {"candidate result set", "候选结果集"},
    {"prompt template", "提示模板"},
    {"weight matrix", "权重矩阵"},
};
constexpr Term kAiAdjectives[] = {
    {"trained", "训练好的"},       {"lightweight", "轻量级"},  {"multimodal", "多模态"},
    {"distributed", "分布式"},     {"pre-trained", "预训练"},  {"self-supervised", "自监督"},
    {"federated", "联邦"},         {"adaptive", "自适应"},     {"sparse", "稀疏"},
    {"hierarchical", "分层"},      {"real-time", "实时"},      {"quantized", "量化"},
};
constexpr Action kAiActions[] = {
    {"train", "training", "trained", "训练"},
    {"extract", "extracting", "extracted", "提取"},
    {"encode", "encoding", "encoded", "编码"},
    {"classify", "classifying", "classified", "分类"},
    {"predict", "predicting", "predicted", "预测"},
    {"update", "updating", "updated", "更新"},
    {"fuse", "fusing", "fused", "融合"},
    {"generate", "generating", "generated", "生成"},
    {"retrieve", "retrieving", "retrieved", "检索"},
    {"prune", "pruning", "pruned", "剪枝"},
    {"annotate", "annotating", "annotated", "标注"},
    {"optimize", "optimizing", "optimized", "优化"},
};
constexpr Term kAiRelations[] = {
    {"receives an output of %", "接收%的输出"},
    {"is connected to %", "连接至%"},
    {"is stored in %", "存储于%中"},
    {"is communicatively coupled to %", "与%通信连接"},
    {"provides an input to %", "向%提供输入"},
    {"is trained jointly with %", "与%联合训练"},
    {"shares parameters with %", "与%共享参数"},
    {"is executed by %", "由%执行"},
};
constexpr Param kAiParams[] = {
    {"learning rate", "学习率", "", 1, 100, 10000},
    {"number of training epochs", "训练轮数", "", 10, 500, 1},
    {"batch size", "批大小", "", 16, 1024, 1},
    {"confidence threshold", "置信度阈值", "", 50, 99, 100},
    {"embedding dimension", "嵌入维度", "", 64, 4096, 1},
    {"inference latency", "推理时延", "ms", 1, 500, 1},
    {"dropout rate", "丢弃率", "", 1, 50, 100},
    {"classification accuracy", "分类准确率", "%", 800, 999, 10},
};
constexpr Term kAiEffects[] = {
    {"improve the accuracy of the prediction result", "提高预测结果的准确性"},
    {"reduce the amount of computation required for inference", "降低推理所需的计算量"},
    {"shorten the training time of the model", "缩短模型的训练时间"},
    {"reduce the dependence on labeled data", "降低对标注数据的依赖"},
    {"protect the privacy of user data", "保护用户数据的隐私"},
    {"improve the generalization ability of the model", "提高模型的泛化能力"},
    {"reduce the memory footprint on edge devices", "减少边缘设备上的内存占用"},
    {"enhance the interpretability of the output", "增强输出结果的可解释性"},
};
constexpr Term kAiProducts[] = {
    {"electronic device", "电子设备"},
    {"server", "服务器"},
    {"computer-readable storage medium", "计算机可读存储介质"},
    {"intelligent terminal", "智能终端"},
    {"autonomous driving system", "自动驾驶系统"},
};
constexpr std::string_view kAiProblems[] = {
    "training a deep neural network requires a large amount of labeled data, which is costly to obtain",
    "existing models generalize poorly when the distribution of the input data changes",
    "the computational cost of inference makes deployment on edge devices difficult",
    "centralized collection of training data raises privacy concerns",
    "the outputs of large models are difficult to interpret and verify",
    "retrieval results based on keyword matching fail to capture the semantics of a query",
};

// ------------------------------------------------------------ semiconductors
constexpr Term kSemiComponents[] = {
    {"substrate", "衬底"},
    {"gate electrode", "栅电极"},
    {"gate dielectric layer", "栅介质层"},
    {"source region", "源区"},
    {"drain region", "漏区"},
    {"channel layer", "沟道层"},
    {"epitaxial layer", "外延层"},
    {"interconnect structure", "互连结构"},
    {"through-silicon via", "硅通孔"},
    {"passivation layer", "钝化层"},
    {"photoresist layer", "光刻胶层"},
    {"hard mask layer", "硬掩模层"},
    {"isolation trench", "隔离沟槽"},
    {"metal silicide layer", "金属硅化物层"},
    {"bonding pad", "焊盘"},
    {"redistribution layer", "重布线层"},
    {"solder bump", "焊料凸块"},
    {"lead frame", "引线框架"},
    {"molding compound", "塑封料"},
    {"semiconductor die", "半导体裸片"},
    {"sidewall spacer", "侧墙"},
    {"contact plug", "接触插塞"},
    {"barrier layer", "阻挡层"},
    {"wafer", "晶圆"},
};
constexpr Term kSemiAdjectives[] = {
    {"high-k", "高介电常数"},        {"silicon carbide", "碳化硅"}, {"gallium nitride", "氮化镓"},
    {"three-dimensional", "三维"},   {"ultra-thin", "超薄"},        {"vertical", "垂直"},
    {"low-resistance", "低电阻"},    {"strained", "应变"},          {"fin-type", "鳍式"},
    {"amorphous", "非晶"},           {"heavily doped", "重掺杂"},   {"stacked", "堆叠"},
};
constexpr Action kSemiActions[] = {
    {"deposit", "depositing", "deposited", "沉积"},
    {"etch", "etching", "etched", "刻蚀"},
    {"pattern", "patterning", "patterned", "图案化"},
    {"anneal", "annealing", "annealed", "退火"},
    {"implant", "implanting", "implanted", "注入"},
    {"polish", "polishing", "polished", "抛光"},
    {"bond", "bonding", "bonded", "键合"},
    {"oxidize", "oxidizing", "oxidized", "氧化"},
    {"expose", "exposing", "exposed", "曝光"},
    {"dice", "dicing", "diced", "切割"},
    {"grow", "growing", "grown", "生长"},
    {"encapsulate", "encapsulating", "encapsulated", "封装"},
};
constexpr Term kSemiRelations[] = {
    {"is formed on %", "形成于%上"},
    {"covers %", "覆盖%"},
    {"is in contact with %", "与%接触"},
    {"penetrates %", "贯穿%"},
    {"is electrically connected to %", "与%电连接"},
    {"is located above %", "位于%上方"},
    {"surrounds %", "环绕%"},
    {"is separated from % by an insulating layer", "通过绝缘层与%隔开"},
};
constexpr Param kSemiParams[] = {
    {"thickness", "厚度", "nm", 2, 500, 1},
    {"annealing temperature", "退火温度", "°C", 400, 1200, 1},
    {"gate length", "栅长", "nm", 3, 180, 1},
    {"line width", "线宽", "nm", 5, 250, 1},
    {"breakdown voltage", "击穿电压", "V", 20, 3300, 1},
    {"surface roughness", "表面粗糙度", "nm", 1, 50, 10},
    {"etching rate", "刻蚀速率", "nm/min", 10, 800, 1},
    {"aspect ratio", "深宽比", "", 20, 600, 10},
};
constexpr Term kSemiEffects[] = {
    {"reduce the leakage current of the device", "降低器件的漏电流"},
    {"improve the carrier mobility", "提高载流子迁移率"},
    {"increase the integration density", "提高集成密度"},
    {"improve the heat dissipation of the package", "提升封装的散热性能"},
    {"reduce the warpage of the wafer", "减小晶圆的翘曲"},
    {"improve the yield of the manufacturing process", "提高制造工艺的良率"},
    {"lower the on-resistance", "降低导通电阻"},
    {"enhance the reliability of the interconnect", "增强互连的可靠性"},
};
constexpr Term kSemiProducts[] = {
    {"semiconductor device", "半导体器件"}, {"chip package", "芯片封装体"},
    {"memory device", "存储器件"},          {"display panel", "显示面板"},
    {"electronic apparatus", "电子装置"},
};
constexpr std::string_view kSemiProblems[] = {
    "as device dimensions shrink, short-channel effects and leakage currents become increasingly severe",
    "the mismatch in thermal expansion between the die and the substrate causes warpage and cracking",
    "conventional etching processes have difficulty forming high-aspect-ratio structures with vertical sidewalls",
    "the contact resistance at the metal-semiconductor interface limits device performance",
    "heat generated in high-power devices cannot be dissipated efficiently",
};

// ------------------------------------------------------------ telecommunications
constexpr Term kTelecomComponents[] = {
    {"terminal device", "终端设备"},
    {"network device", "网络设备"},
    {"base station", "基站"},
    {"reference signal", "参考信号"},
    {"control channel", "控制信道"},
    {"downlink control information", "下行控制信息"},
    {"resource block", "资源块"},
    {"transmission configuration indicator", "传输配置指示"},
    {"beam", "波束"},
    {"antenna port", "天线端口"},
    {"data packet", "数据包"},
    {"protocol data unit", "协议数据单元"},
    {"routing table", "路由表"},
    {"encryption key", "加密密钥"},
    {"access point", "接入点"},
    {"core network element", "核心网网元"},
    {"bandwidth part", "带宽部分"},
    {"time slot", "时隙"},
    {"feedback information", "反馈信息"},
    {"configuration message", "配置消息"},
    {"session identifier", "会话标识"},
    {"network slice", "网络切片"},
    {"user plane function", "用户面功能"},
    {"synchronization signal block", "同步信号块"},
};
constexpr Term kTelecomAdjectives[] = {
    {"uplink", "上行"},       {"downlink", "下行"},        {"periodic", "周期性"},
    {"aperiodic", "非周期性"}, {"dynamic", "动态"},        {"semi-static", "半静态"},
    {"low-latency", "低时延"}, {"multi-carrier", "多载波"}, {"encrypted", "加密的"},
    {"redundant", "冗余"},     {"dedicated", "专用"},       {"virtual", "虚拟"},
};
constexpr Action kTelecomActions[] = {
    {"transmit", "transmitting", "transmitted", "发送"},
    {"receive", "receiving", "received", "接收"},
    {"configure", "configuring", "configured", "配置"},
    {"schedule", "scheduling", "scheduled", "调度"},
    {"measure", "measuring", "measured", "测量"},
    {"determine", "determining", "determined", "确定"},
    {"indicate", "indicating", "indicated", "指示"},
    {"allocate", "allocating", "allocated", "分配"},
    {"forward", "forwarding", "forwarded", "转发"},
    {"authenticate", "authenticating", "authenticated", "认证"},
    {"encrypt", "encrypting", "encrypted", "加密"},
    {"multiplex", "multiplexing", "multiplexed", "复用"},
};
constexpr Term kTelecomRelations[] = {
    {"is carried on %", "承载于%上"},
    {"is associated with %", "与%关联"},
    {"is transmitted over %", "通过%传输"},
    {"is determined according to %", "根据%确定"},
    {"is mapped to %", "映射至%"},
    {"corresponds to %", "对应于%"},
    {"is indicated by %", "由%指示"},
    {"is sent to %", "被发送至%"},
};
constexpr Param kTelecomParams[] = {
    {"subcarrier spacing", "子载波间隔", "kHz", 15, 240, 1},
    {"transmission period", "传输周期", "ms", 1, 160, 1},
    {"signal-to-noise ratio", "信噪比", "dB", -10, 40, 1},
    {"number of antenna ports", "天线端口数量", "", 1, 64, 1},
    {"bandwidth", "带宽", "MHz", 5, 400, 1},
    {"round-trip delay", "往返时延", "ms", 1, 200, 1},
    {"transmit power", "发射功率", "dBm", -40, 23, 1},
    {"packet loss rate", "丢包率", "%", 1, 100, 10},
};
constexpr Term kTelecomEffects[] = {
    {"reduce the signaling overhead", "降低信令开销"},
    {"improve the reliability of data transmission", "提高数据传输的可靠性"},
    {"reduce the transmission latency", "降低传输时延"},
    {"improve the spectral efficiency", "提高频谱效率"},
    {"reduce the power consumption of the terminal device", "降低终端设备的功耗"},
    {"avoid interference between adjacent cells", "避免相邻小区之间的干扰"},
    {"enhance the security of the communication link", "增强通信链路的安全性"},
    {"increase the system capacity", "提升系统容量"},
};
constexpr Term kTelecomProducts[] = {
    {"communication apparatus", "通信装置"}, {"chip", "芯片"},
    {"communication system", "通信系统"},    {"computer-readable storage medium", "计算机可读存储介质"},
    {"terminal device", "终端设备"},
};
constexpr std::string_view kTelecomProblems[] = {
    "frequent beam switching in high-frequency bands leads to link interruptions",
    "the signaling overhead increases significantly as the number of connected terminals grows",
    "existing scheduling schemes cannot satisfy the latency requirements of industrial applications",
    "terminal devices consume excessive power when monitoring the control channel",
    "key exchange procedures in existing protocols are vulnerable to man-in-the-middle attacks",
};

// ------------------------------------------------------------------ medical
constexpr Term kMedicalComponents[] = {
    {"sensor module", "传感器模块"},
    {"electrode patch", "电极贴片"},
    {"signal acquisition circuit", "信号采集电路"},
    {"catheter", "导管"},
    {"balloon", "球囊"},
    {"ultrasound probe", "超声探头"},
    {"imaging unit", "成像单元"},
    {"control unit", "控制单元"},
    {"robotic arm", "机械臂"},
    {"surgical instrument", "手术器械"},
    {"housing", "壳体"},
    {"flexible substrate", "柔性基底"},
    {"drug-loaded microsphere", "载药微球"},
    {"active ingredient", "活性成分"},
    {"pharmaceutically acceptable carrier", "药学上可接受的载体"},
    {"excipient", "辅料"},
    {"monoclonal antibody", "单克隆抗体"},
    {"lipid nanoparticle", "脂质纳米颗粒"},
    {"hydrogel", "水凝胶"},
    {"stent", "支架"},
    {"display unit", "显示单元"},
    {"wireless transmission module", "无线传输模块"},
    {"guide wire", "导丝"},
    {"endoscope body", "内窥镜主体"},
};
constexpr Term kMedicalAdjectives[] = {
    {"implantable", "植入式"},    {"wearable", "可穿戴"},      {"biodegradable", "可降解"},
    {"minimally invasive", "微创"}, {"sustained-release", "缓释"}, {"non-invasive", "无创"},
    {"disposable", "一次性"},     {"targeted", "靶向"},        {"intelligent", "智能"},
    {"humanized", "人源化"},      {"portable", "便携式"},      {"sterile", "无菌"},
};
constexpr Action kMedicalActions[] = {
    {"monitor", "monitoring", "monitored", "监测"},
    {"acquire", "acquiring", "acquired", "采集"},
    {"administer", "administering", "administered", "施用"},
    {"image", "imaging", "imaged", "成像"},
    {"ablate", "ablating", "ablated", "消融"},
    {"deliver", "delivering", "delivered", "递送"},
    {"stimulate", "stimulating", "stimulated", "刺激"},
    {"filter", "filtering", "filtered", "滤波"},
    {"puncture", "puncturing", "punctured", "穿刺"},
    {"formulate", "formulating", "formulated", "配制"},
    {"suture", "suturing", "sutured", "缝合"},
    {"analyze", "analyzing", "analyzed", "分析"},
};
constexpr Term kMedicalRelations[] = {
    {"is attached to %", "贴附于%"},
    {"is inserted into %", "插入%中"},
    {"is mounted on %", "安装于%上"},
    {"is connected to %", "与%连接"},
    {"is dispersed in %", "分散于%中"},
    {"is loaded on %", "负载于%上"},
    {"is wrapped around %", "包绕%"},
    {"is in fluid communication with %", "与%流体连通"},
};
constexpr Param kMedicalParams[] = {
    {"dose", "剂量", "mg/kg", 1, 500, 10},
    {"particle diameter", "粒径", "nm", 20, 500, 1},
    {"sampling frequency", "采样频率", "Hz", 50, 2000, 1},
    {"ablation temperature", "消融温度", "°C", 40, 90, 1},
    {"outer diameter", "外径", "mm", 5, 120, 10},
    {"release time", "释放时间", "h", 2, 168, 1},
    {"concentration", "浓度", "mg/mL", 1, 200, 10},
    {"stimulation current", "刺激电流", "mA", 1, 200, 10},
};
constexpr Term kMedicalEffects[] = {
    {"improve the accuracy of physiological signal measurement", "提高生理信号测量的准确性"},
    {"reduce trauma to the patient", "减轻对患者的创伤"},
    {"prolong the release of the active ingredient", "延长活性成分的释放"},
    {"improve the bioavailability of the drug", "提高药物的生物利用度"},
    {"reduce the risk of infection", "降低感染风险"},
    {"shorten the operation time", "缩短手术时间"},
    {"improve the comfort of long-term wearing", "提高长期佩戴的舒适性"},
    {"enhance the therapeutic effect", "增强治疗效果"},
};
constexpr Term kMedicalProducts[] = {
    {"medical system", "医疗系统"},   {"pharmaceutical composition", "药物组合物"},
    {"kit", "试剂盒"},                {"monitoring system", "监测系统"},
    {"surgical robot", "手术机器人"},
};
constexpr std::string_view kMedicalProblems[] = {
    "motion artifacts seriously degrade the quality of signals acquired by wearable devices",
    "conventional open surgery causes significant trauma and a long recovery period",
    "the active ingredient has poor water solubility and low oral bioavailability",
    "existing catheters are difficult to position accurately in tortuous blood vessels",
    "the drug is rapidly cleared from the circulation, which requires frequent administration",
};

// ------------------------------------------------------------------ vehicles
constexpr Term kVehicleComponents[] = {
    {"traction battery", "动力电池"},
    {"charging interface", "充电接口"},
    {"on-board charger", "车载充电机"},
    {"DC-DC converter", "DC-DC变换器"},
    {"motor controller", "电机控制器"},
    {"drive motor", "驱动电机"},
    {"vehicle control unit", "整车控制器"},
    {"charging pile", "充电桩"},
    {"charging gun", "充电枪"},
    {"high-voltage distribution box", "高压配电盒"},
    {"relay", "继电器"},
    {"insulation monitoring module", "绝缘监测模块"},
    {"thermal management circuit", "热管理回路"},
    {"regenerative braking module", "再生制动模块"},
    {"power supply circuit", "供电电路"},
    {"battery swapping station", "换电站"},
    {"current sensor", "电流传感器"},
    {"communication controller", "通信控制器"},
    {"inverter", "逆变器"},
    {"energy storage unit", "储能单元"},
    {"heat pump", "热泵"},
    {"charging cable", "充电线缆"},
};
constexpr Term kVehicleAdjectives[] = {
    {"high-voltage", "高压"},   {"bidirectional", "双向"}, {"wireless", "无线"},
    {"intelligent", "智能"},    {"modular", "模块化"},     {"liquid-cooled", "液冷"},
    {"onboard", "车载"},        {"redundant", "冗余"},     {"fast", "快速"},
    {"integrated", "集成式"},
};
constexpr Action kVehicleActions[] = {
    {"charge", "charging", "charged", "充电"},
    {"discharge", "discharging", "discharged", "放电"},
    {"control", "controlling", "controlled", "控制"},
    {"detect", "detecting", "detected", "检测"},
    {"switch", "switching", "switched", "切换"},
    {"regulate", "regulating", "regulated", "调节"},
    {"estimate", "estimating", "estimated", "估算"},
    {"balance", "balancing", "balanced", "均衡"},
    {"precharge", "precharging", "precharged", "预充"},
    {"disconnect", "disconnecting", "disconnected", "断开"},
};
constexpr Term kVehicleRelations[] = {
    {"is electrically connected to %", "与%电连接"},
    {"is arranged in %", "设置在%中"},
    {"supplies power to %", "为%供电"},
    {"is controlled by %", "由%控制"},
    {"communicates with %", "与%通信"},
    {"is connected in series with %", "与%串联"},
    {"is connected in parallel with %", "与%并联"},
};
constexpr Param kVehicleParams[] = {
    {"charging power", "充电功率", "kW", 3, 480, 1},
    {"output voltage", "输出电压", "V", 12, 1000, 1},
    {"state of charge", "荷电状态", "%", 5, 100, 1},
    {"charging current", "充电电流", "A", 5, 600, 1},
    {"insulation resistance", "绝缘电阻", "kΩ", 100, 5000, 1},
    {"coolant temperature", "冷却液温度", "°C", -20, 65, 1},
    {"driving range", "续航里程", "km", 100, 1000, 1},
};
constexpr Term kVehicleEffects[] = {
    {"shorten the charging time", "缩短充电时间"},
    {"extend the driving range of the vehicle", "延长车辆的续航里程"},
    {"improve the charging safety", "提高充电安全性"},
    {"reduce the energy consumption of the vehicle", "降低车辆的能耗"},
    {"prevent overcharging of the traction battery", "防止动力电池过充"},
    {"improve the efficiency of energy recovery", "提高能量回收效率"},
    {"balance the load on the power grid", "平衡电网负荷"},
};
constexpr Term kVehicleProducts[] = {
    {"electric vehicle", "电动汽车"},   {"charging system", "充电系统"},
    {"vehicle", "车辆"},                {"energy management system", "能量管理系统"},
};
constexpr std::string_view kVehicleProblems[] = {
    "long charging times remain a major obstacle to the adoption of electric vehicles",
    "insulation faults in high-voltage circuits pose a risk of electric shock",
    "the estimation error of the state of charge increases at low temperatures",
    "uncoordinated charging of a large number of vehicles causes peak loads on the power grid",
};

constexpr AreaVocabulary kAreas[kAreaCount] = {
    {"battery", {"battery technology", "电池技术"}, kBatteryComponents, kBatteryAdjectives, kBatteryActions,
     kBatteryRelations, kBatteryParams, kBatteryEffects, kBatteryProducts, kBatteryProblems},
    {"ai", {"artificial intelligence", "人工智能"}, kAiComponents, kAiAdjectives, kAiActions, kAiRelations,
     kAiParams, kAiEffects, kAiProducts, kAiProblems},
    {"semiconductor", {"semiconductor technology", "半导体技术"}, kSemiComponents, kSemiAdjectives, kSemiActions,
     kSemiRelations, kSemiParams, kSemiEffects, kSemiProducts, kSemiProblems},
    {"telecom", {"wireless communication technology", "无线通信技术"}, kTelecomComponents, kTelecomAdjectives,
     kTelecomActions, kTelecomRelations, kTelecomParams, kTelecomEffects, kTelecomProducts, kTelecomProblems},
    {"medical", {"medical devices and pharmaceutical preparations", "医疗器械与药物制剂"}, kMedicalComponents,
     kMedicalAdjectives, kMedicalActions, kMedicalRelations, kMedicalParams, kMedicalEffects, kMedicalProducts,
     kMedicalProblems},
    {"vehicle", {"electric vehicles", "电动汽车"}, kVehicleComponents, kVehicleAdjectives, kVehicleActions,
     kVehicleRelations, kVehicleParams, kVehicleEffects, kVehicleProducts, kVehicleProblems},
};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

const AreaVocabulary& VocabularyFor(int area) {
  assert(area >= 0 && area < kAreaCount);
  return kAreas[area];
}

void AppendGerundPhrase(std::string& out, std::string_view phrase) {
  size_t sp = phrase.find(' ');
  std::string_view verb = phrase.substr(0, sp);
  if (verb.size() > 2 && verb.back() == 'e' && verb[verb.size() - 2] != 'e') verb.remove_suffix(1);
  out += verb;
  out += "ing";
  if (sp != std::string_view::npos) out += phrase.substr(sp);
}

std::string_view ArticleFor(std::string_view next) {
  if (next.empty()) return "a";
  const char c = next[0];
  if (c >= 'A' && c <= 'Z') {
    const bool spelled = next.size() == 1 || next[1] < 'a' || next[1] > 'z';
    if (spelled) return std::string_view("AEFHILMNORSX").find(c) != std::string_view::npos ? "an" : "a";
    return std::string_view("AEIO").find(c) != std::string_view::npos ? "an" : "a";
  }
  if (c == 'u') {
    for (std::string_view p : {"uni", "use", "usu", "uti", "ure"}) {
      if (next.substr(0, 3) == p) return "a";
    }
    return "an";
  }
  if (next.substr(0, 3) == "one") return "a";
  return IsVowel(c) ? "an" : "a";
}

}  // namespace patnav::gen
