// Synthetic organisations and people (see names.h). Every name is assembled
// from the word lists below; none is meant to denote a real organisation.
#include "generator/names.h"

#include <algorithm>
#include <span>
#include <unordered_set>

#include "generator/sampling.h"
#include "generator/vocabulary.h"

namespace patnav::gen {

namespace {

using SV = std::string_view;

template <typename T, size_t N>
const T& Pick(Random& rng, const T (&items)[N]) {
  return items[rng.Uniform(N)];
}

struct City {
  SV name;
  SV state;
};
struct Zh {
  SV en;
  SV zh;
};
struct Place {
  SV name;
  SV city;
};
struct CnPlace {
  SV en;
  SV zh;
  SV city;
};

// ---------------------------------------------------------------- places
constexpr CnPlace kCnPlaces[] = {
    {"Zhejiang", "浙江", "Hangzhou"},   {"Jiangsu", "江苏", "Nanjing"},    {"Guangdong", "广东", "Guangzhou"},
    {"Shenzhen", "深圳", "Shenzhen"},   {"Shanghai", "上海", "Shanghai"},  {"Beijing", "北京", "Beijing"},
    {"Hangzhou", "杭州", "Hangzhou"},   {"Suzhou", "苏州", "Suzhou"},      {"Ningbo", "宁波", "Ningbo"},
    {"Hefei", "合肥", "Hefei"},         {"Wuhan", "武汉", "Wuhan"},        {"Chengdu", "成都", "Chengdu"},
    {"Xiamen", "厦门", "Xiamen"},       {"Tianjin", "天津", "Tianjin"},    {"Chongqing", "重庆", "Chongqing"},
    {"Changsha", "长沙", "Changsha"},   {"Xi'an", "西安", "Xi'an"},        {"Qingdao", "青岛", "Qingdao"},
    {"Dongguan", "东莞", "Dongguan"},   {"Fujian", "福建", "Fuzhou"},      {"Shandong", "山东", "Jinan"},
    {"Hunan", "湖南", "Changsha"},      {"Anhui", "安徽", "Hefei"},        {"Sichuan", "四川", "Chengdu"},
    {"Nanjing", "南京", "Nanjing"},     {"Wuxi", "无锡", "Wuxi"},          {"Foshan", "佛山", "Foshan"},
    {"Huizhou", "惠州", "Huizhou"},     {"Changzhou", "常州", "Changzhou"}, {"Ningde", "宁德", "Ningde"},
    {"Harbin", "哈尔滨", "Harbin"},     {"Dalian", "大连", "Dalian"},      {"Shenyang", "沈阳", "Shenyang"},
    {"Zhengzhou", "郑州", "Zhengzhou"}, {"Jinan", "济南", "Jinan"},        {"Guangzhou", "广州", "Guangzhou"},
};
constexpr City kUsCities[] = {
    {"San Jose", "CA"},    {"Austin", "TX"},      {"Boston", "MA"},      {"Seattle", "WA"},
    {"San Diego", "CA"},   {"Palo Alto", "CA"},   {"Armonk", "NY"},      {"Santa Clara", "CA"},
    {"Chicago", "IL"},     {"Minneapolis", "MN"}, {"Raleigh", "NC"},     {"Boulder", "CO"},
    {"Pittsburgh", "PA"},  {"Ann Arbor", "MI"},   {"Portland", "OR"},    {"Atlanta", "GA"},
    {"Phoenix", "AZ"},     {"Detroit", "MI"},     {"Houston", "TX"},     {"Cambridge", "MA"},
    {"Sunnyvale", "CA"},   {"Redmond", "WA"},     {"Rochester", "NY"},   {"Salt Lake City", "UT"},
    {"Madison", "WI"},     {"Columbus", "OH"},    {"Princeton", "NJ"},   {"Irvine", "CA"},
};
constexpr SV kJpCities[] = {"Tokyo",     "Osaka",  "Kyoto",   "Yokohama", "Nagoya",  "Kawasaki", "Kobe",
                            "Sendai",    "Hamamatsu", "Kadoma", "Kariya", "Sodegaura", "Tsukuba", "Fukuoka"};
constexpr SV kKrCities[] = {"Seoul", "Suwon", "Daejeon", "Yongin", "Incheon", "Ulsan",
                            "Pohang", "Busan", "Seongnam", "Hwaseong", "Cheongju"};
constexpr Zh kDeCities[] = {{"Munich", "München"},       {"Stuttgart", "Stuttgart"}, {"Berlin", "Berlin"},
                            {"Dresden", "Dresden"},      {"Aachen", "Aachen"},       {"Karlsruhe", "Karlsruhe"},
                            {"Erlangen", "Erlangen"},    {"Hamburg", "Hamburg"},     {"Ingolstadt", "Ingolstadt"},
                            {"Darmstadt", "Darmstadt"},  {"Ulm", "Ulm"},             {"Jena", "Jena"},
                            {"Cologne", "Köln"},         {"Nuremberg", "Nürnberg"}};
constexpr SV kTwCities[] = {"Hsinchu", "Taipei", "Taichung", "Tainan", "Kaohsiung", "Taoyuan"};
constexpr SV kFrCities[] = {"Paris", "Grenoble", "Lyon", "Toulouse", "Gif-sur-Yvette", "Nantes"};
constexpr SV kGbCities[] = {"London", "Cambridge", "Oxford", "Manchester", "Edinburgh", "Bristol"};
constexpr SV kNlCities[] = {"Eindhoven", "Delft", "Amsterdam", "Veldhoven", "Utrecht"};
constexpr SV kSeCities[] = {"Stockholm", "Gothenburg", "Lund", "Uppsala", "Linköping"};
constexpr SV kChCities[] = {"Zurich", "Basel", "Geneva", "Lausanne", "Bern"};
constexpr SV kIlCities[] = {"Tel Aviv", "Haifa", "Rehovot", "Jerusalem", "Herzliya"};
constexpr SV kInCities[] = {"Bangalore", "Hyderabad", "Pune", "Chennai", "Mumbai"};

// ---------------------------------------------------------------- people
constexpr Zh kCnFamily[] = {
    {"Wang", "王"},  {"Li", "李"},    {"Zhang", "张"}, {"Liu", "刘"},   {"Chen", "陈"},  {"Yang", "杨"},
    {"Huang", "黄"}, {"Zhao", "赵"},  {"Wu", "吴"},    {"Zhou", "周"},  {"Xu", "徐"},    {"Sun", "孙"},
    {"Ma", "马"},    {"Zhu", "朱"},   {"Hu", "胡"},    {"Guo", "郭"},   {"He", "何"},    {"Lin", "林"},
    {"Luo", "罗"},   {"Gao", "高"},   {"Zheng", "郑"}, {"Liang", "梁"}, {"Xie", "谢"},   {"Song", "宋"},
    {"Tang", "唐"},  {"Han", "韩"},   {"Feng", "冯"},  {"Deng", "邓"},  {"Cao", "曹"},   {"Peng", "彭"},
    {"Zeng", "曾"},  {"Xiao", "肖"},  {"Tian", "田"},  {"Dong", "董"},  {"Pan", "潘"},   {"Yuan", "袁"},
    {"Cai", "蔡"},   {"Jiang", "蒋"}, {"Yu", "余"},    {"Du", "杜"},    {"Ye", "叶"},    {"Cheng", "程"},
    {"Wei", "魏"},   {"Su", "苏"},    {"Ding", "丁"},  {"Ren", "任"},   {"Shen", "沈"},  {"Yao", "姚"},
    {"Lu", "卢"},    {"Cui", "崔"},   {"Zhong", "钟"}, {"Tan", "谭"},   {"Fan", "范"},   {"Jin", "金"},
    {"Shi", "石"},   {"Liao", "廖"},  {"Jia", "贾"},   {"Xia", "夏"},   {"Fu", "傅"},    {"Fang", "方"},
    {"Bai", "白"},   {"Zou", "邹"},   {"Meng", "孟"},  {"Xiong", "熊"}, {"Qin", "秦"},   {"Qiu", "邱"},
    {"Yin", "尹"},   {"Xue", "薛"},   {"Duan", "段"},  {"Lei", "雷"},   {"Hou", "侯"},   {"Long", "龙"},
    {"Tao", "陶"},   {"Gu", "顾"},    {"Mao", "毛"},   {"Hao", "郝"},   {"Gong", "龚"},  {"Shao", "邵"},
    {"Qian", "钱"},  {"Dai", "戴"},   {"Kong", "孔"},  {"Xiang", "向"},
};
constexpr Zh kCnGiven[] = {
    {"Wei", "伟"},   {"Fang", "芳"},  {"Na", "娜"},     {"Min", "敏"},   {"Jing", "静"},  {"Li", "丽"},
    {"Qiang", "强"}, {"Lei", "磊"},   {"Jun", "军"},    {"Yang", "洋"},  {"Yong", "勇"},  {"Yan", "艳"},
    {"Jie", "杰"},   {"Juan", "娟"},  {"Tao", "涛"},    {"Ming", "明"},  {"Chao", "超"},  {"Xiu", "秀"},
    {"Xia", "霞"},   {"Ping", "平"},  {"Gang", "刚"},   {"Hui", "辉"},   {"Hua", "华"},   {"Jian", "建"},
    {"Guo", "国"},   {"Zhi", "志"},   {"Hong", "红"},   {"Xiao", "晓"},  {"Yu", "宇"},    {"Hao", "浩"},
    {"Kai", "凯"},   {"Bin", "斌"},   {"Peng", "鹏"},   {"Lin", "琳"},   {"Xin", "鑫"},   {"Yi", "毅"},
    {"Bo", "博"},    {"Rui", "瑞"},   {"Tian", "天"},   {"Wen", "文"},   {"Hai", "海"},   {"Long", "龙"},
    {"Feng", "峰"},  {"Qing", "青"},  {"Xue", "雪"},    {"Ling", "玲"},  {"Dong", "东"},  {"Cheng", "成"},
    {"Jia", "佳"},   {"Yun", "云"},   {"Zhen", "振"},   {"Liang", "亮"}, {"Shan", "珊"},  {"Chen", "晨"},
    {"Meng", "萌"},  {"Hang", "航"},  {"Zhe", "哲"},    {"Xu", "旭"},    {"Song", "松"},  {"Ning", "宁"},
};
constexpr SV kJpFamily[] = {"Sato",      "Suzuki",   "Takahashi", "Tanaka",    "Watanabe", "Ito",      "Yamamoto",
                            "Nakamura",  "Kobayashi", "Kato",     "Yoshida",   "Yamada",   "Sasaki",   "Yamaguchi",
                            "Matsumoto", "Inoue",    "Kimura",    "Hayashi",   "Shimizu",  "Yamazaki", "Mori",
                            "Abe",       "Ikeda",    "Hashimoto", "Ishikawa",  "Ogawa",    "Fujita",   "Okada",
                            "Goto",      "Hasegawa", "Murakami",  "Kondo",     "Ishii",    "Saito",    "Sakamoto",
                            "Endo",      "Aoki",     "Fujii",     "Nishimura", "Fukuda",   "Ota",      "Miura",
                            "Okamoto",   "Matsuda",  "Nakagawa",  "Harada",    "Ono",      "Tamura",   "Takeuchi",
                            "Kaneko",    "Wada",     "Nakano",    "Hirano",    "Ueda"};
constexpr SV kJpGiven[] = {"Hiroshi", "Takashi",  "Kenji",     "Satoshi",   "Makoto",   "Yuki",     "Kazuki",
                           "Tomoki",  "Masaki",   "Daisuke",   "Yusuke",    "Takuya",   "Naoki",    "Shinji",
                           "Koji",    "Akira",    "Yoshihiro", "Toshihiro", "Hideaki",  "Kenta",    "Ryo",
                           "Sho",     "Yuko",     "Keiko",     "Akiko",     "Naoko",    "Tomoko",   "Mai",
                           "Haruka",  "Ayumi",    "Kazuhiro",  "Masahiro",  "Tetsuya",  "Shigeru",  "Chishio"};
constexpr SV kKrFamily[] = {"Kim",  "Lee", "Park", "Choi", "Jung", "Kang", "Cho",  "Yoon", "Jang", "Lim",
                            "Han",  "Oh",  "Seo",  "Shin", "Kwon", "Hwang", "Ahn", "Song", "Jeon", "Hong",
                            "Yoo",  "Ko",  "Moon", "Yang", "Son",  "Bae",  "Baek", "Heo",  "Nam",  "Noh"};
constexpr SV kKrGiven[] = {"Min-Su",   "Ji-Hoon",   "Seung-Ho",  "Hyun-Woo", "Jae-Won",  "Dong-Hyun", "Sung-Min",
                           "Young-Jin", "Ji-Won",   "Eun-Ji",    "So-Yeon",  "Hye-Jin",  "Jun-Ho",    "Sang-Woo",
                           "Kyung-Soo", "Tae-Hoon", "Jin-Woo",   "Yeon-Hee", "Myung-Hoon", "Byung-Chul", "Seon-Mi"};
constexpr SV kAngloFamily[] = {
    "Smith",   "Johnson", "Williams", "Brown",    "Jones",    "Miller",   "Davis",    "Wilson",  "Anderson",
    "Taylor",  "Thomas",  "Moore",    "Martin",   "Jackson",  "Thompson", "White",    "Harris",  "Clark",
    "Lewis",   "Robinson", "Walker",  "Young",    "Allen",    "King",     "Wright",   "Scott",   "Hill",
    "Green",   "Adams",   "Baker",    "Nelson",   "Carter",   "Mitchell", "Roberts",  "Turner",  "Phillips",
    "Campbell", "Parker", "Evans",    "Edwards",  "Collins",  "Stewart",  "Morris",   "Murphy",  "Cook",
    "Rogers",  "Morgan",  "Cooper",   "Peterson", "Reed",     "Bailey",   "Bell",     "Kelly",   "Howard",
    "Ward",    "Cox",     "Richardson", "Wood",   "Watson",   "Brooks",   "Bennett",  "Gray",    "Hughes",
    "Price",   "Sanders", "Myers",    "Long",     "Ross",     "Foster",   "Sullivan", "Russell", "Fisher",
    "Hayes",   "Graham",  "Wallace",  "Cole",     "West",     "Jordan",   "Reynolds", "Hamilton", "Ellis",
    "Marshall", "O'Brien", "McDonald", "Harlow",  "Pierce",   "Whitfield", "Lindqvist", "Donovan", "Kessler"};
constexpr SV kAngloGiven[] = {
    "James",   "John",    "Robert",  "Michael",  "William", "David",    "Richard",   "Joseph",  "Thomas",
    "Christopher", "Daniel", "Matthew", "Anthony", "Mark",  "Steven",   "Paul",      "Andrew",  "Joshua",
    "Kevin",   "Brian",   "Eric",    "Jason",    "Ryan",    "Jeffrey",  "Scott",     "Mary",    "Jennifer",
    "Linda",   "Elizabeth", "Susan", "Jessica",  "Sarah",   "Karen",    "Nancy",     "Lisa",    "Emily",
    "Michelle", "Laura",  "Rebecca", "Amanda",   "Rachel",  "Katherine", "Megan",    "Gregory", "Timothy"};
constexpr SV kInFamily[] = {"Sharma", "Patel",   "Kumar",     "Singh",   "Gupta",    "Reddy",   "Rao",
                            "Iyer",   "Nair",    "Agarwal",   "Mehta",   "Joshi",    "Krishnan", "Menon",
                            "Banerjee", "Chatterjee", "Desai", "Shah",   "Verma",    "Srinivasan", "Sattiraju"};
constexpr SV kInGiven[] = {"Rahul",  "Amit",   "Priya", "Anil",    "Sunil",      "Vijay",    "Rajesh",
                           "Sanjay", "Deepak", "Anand", "Arun",    "Kavita",     "Neha",     "Ravi",
                           "Suresh", "Venkatesh", "Surendar", "Karthik", "Arjun", "Pooja", "Venkateswara Rao"};
constexpr SV kDeFamily[] = {"Müller",  "Schmidt", "Schneider", "Fischer",   "Weber",   "Meyer",   "Wagner",
                            "Becker",  "Schulz",  "Hoffmann",  "Schäfer",   "Koch",    "Bauer",   "Richter",
                            "Klein",   "Wolf",    "Schröder",  "Neumann",   "Schwarz", "Zimmermann", "Braun",
                            "Krüger",  "Hofmann", "Hartmann",  "Lange",     "Schmitt", "Werner",  "Krause",
                            "Meier",   "Lehmann", "Vogel",     "Brandt",    "Winkler", "Lorenz",  "Seidel"};
constexpr SV kDeGiven[] = {"Thomas",   "Michael", "Andreas", "Stefan",    "Markus",   "Christian", "Frank",
                           "Matthias", "Tobias",  "Jan",     "Florian",   "Sebastian", "Klaus",    "Jürgen",
                           "Wolfgang", "Uwe",     "Sabine",  "Claudia",   "Katrin",   "Anja",      "Julia",
                           "Martina",  "Bernd",   "Dirk",    "Ralf",      "Jörg"};
constexpr SV kFrFamily[] = {"Martin", "Bernard", "Dubois", "Thomas",  "Robert",   "Richard", "Petit",
                            "Durand", "Leroy",   "Moreau", "Simon",   "Laurent",  "Lefebvre", "Michel",
                            "Garcia", "David",   "Bertrand", "Roux",  "Vincent",  "Fournier"};
constexpr SV kFrGiven[] = {"Jean",      "Pierre",   "Michel",    "Philippe", "Alain",   "Nicolas",  "François",
                           "Laurent",   "Olivier",  "Sophie",    "Isabelle", "Nathalie", "Julien",  "Guillaume",
                           "Céline",    "Hélène"};
constexpr SV kTwFamily[] = {"Chen", "Lin",  "Huang", "Chang", "Li",    "Wang", "Wu",  "Liu",
                            "Tsai", "Yang", "Hsu",   "Cheng", "Hsieh", "Kuo",  "Hung", "Chiang"};
constexpr SV kTwGiven[] = {"Chih-Wei", "Chia-Hung", "Yu-Ting", "Wen-Chieh", "Ming-Hsien", "Shih-Hao",
                           "Po-Yu",    "Kuan-Lin",  "Tsung-Han", "Hsin-Yi", "Chun-Yen",   "Yi-Chen"};
constexpr SV kNlFamily[] = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit",
                            "Meijer",   "de Boer", "Mulder",      "de Groot", "van Dijk", "Bos"};
constexpr SV kNlGiven[] = {"Jan", "Pieter", "Willem", "Maarten", "Sanne", "Lotte", "Bram", "Thijs", "Joost"};
constexpr SV kSeFamily[] = {"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
                            "Larsson",   "Olsson",    "Persson",  "Svensson", "Gustafsson"};
constexpr SV kSeGiven[] = {"Erik", "Lars", "Anders", "Johan", "Karin", "Emma", "Magnus", "Per", "Sofia", "Oskar"};
constexpr SV kIlFamily[] = {"Cohen",    "Levi",    "Mizrahi", "Peretz", "Biton",
                            "Friedman", "Shapiro", "Katz",    "Nissim", "Ben-David", "Zinger"};
constexpr SV kIlGiven[] = {"Yosef", "David", "Moshe", "Avi", "Noa", "Tamar", "Eitan", "Yael", "Ori", "Nitzan", "Asaf"};

enum class Culture : uint8_t { kChinese, kJapanese, kKorean, kAnglo, kIndian, kGerman, kFrench, kTaiwanese, kDutch,
                               kSwedish, kIsraeli };

// ---------------------------------------------------------------- organisations
constexpr Zh kCnBrandSyllables[] = {
    {"Heng", "恒"}, {"Yuan", "源"}, {"Xin", "鑫"},   {"Tai", "泰"},   {"Hua", "华"},  {"Rui", "瑞"},
    {"Long", "隆"}, {"Sheng", "晟"}, {"Feng", "丰"}, {"Kai", "凯"},   {"Da", "达"},   {"Tong", "通"},
    {"Jia", "佳"},  {"Yu", "宇"},   {"Chuang", "创"}, {"Wei", "维"},  {"Hao", "昊"},  {"Zhi", "智"},
    {"Lian", "联"}, {"Xun", "讯"},  {"Bo", "博"},    {"Teng", "腾"},  {"Guang", "光"}, {"Ming", "明"},
    {"Jing", "晶"}, {"Rong", "荣"}, {"An", "安"},    {"Neng", "能"},  {"Yi", "易"},   {"Qi", "启"},
    {"Tian", "天"}, {"Hong", "鸿"}, {"Fei", "飞"},   {"Chen", "辰"},  {"Lan", "蓝"},  {"Jun", "骏"},
    {"Xing", "星"}, {"Ou", "欧"},   {"Sai", "赛"},   {"Wan", "万"},
};
constexpr Zh kCnIndustry[kAreaCount][6] = {
    {{"Battery", "电池"}, {"New Energy Technology", "新能源科技"}, {"Power Technology", "动力科技"},
     {"Energy Storage Technology", "储能科技"}, {"Lithium Industry", "锂业"}, {"New Material Technology", "新材料科技"}},
    {{"Intelligent Technology", "智能科技"}, {"Information Technology", "信息技术"}, {"Network Technology", "网络科技"},
     {"Data Technology", "数据科技"}, {"Software", "软件"}, {"Artificial Intelligence Technology", "人工智能科技"}},
    {{"Semiconductor", "半导体"}, {"Microelectronics", "微电子"}, {"Integrated Circuit", "集成电路"},
     {"Electronic Technology", "电子科技"}, {"Optoelectronics", "光电"}, {"Chip Technology", "芯片科技"}},
    {{"Communication Technology", "通信技术"}, {"Telecommunication", "电信"}, {"Network Communication", "网络通信"},
     {"Communication Equipment", "通信设备"}, {"Internet of Things Technology", "物联网科技"}, {"Electronics", "电子"}},
    {{"Medical Technology", "医疗科技"}, {"Pharmaceutical", "制药"}, {"Biotechnology", "生物科技"},
     {"Medical Equipment", "医疗器械"}, {"Biomedical Engineering", "生物医学工程"}, {"Biopharmaceutical", "生物医药"}},
    {{"Automobile", "汽车"}, {"New Energy Vehicle", "新能源汽车"}, {"Electric Drive Technology", "电驱动科技"},
     {"Charging Technology", "充电科技"}, {"Automotive Electronics", "汽车电子"}, {"Motor", "电机"}},
};
constexpr Zh kCnForms[] = {{"Co., Ltd.", "有限公司"}, {"Co., Ltd.", "股份有限公司"}, {"Group Co., Ltd.", "集团有限公司"},
                           {"Co., Ltd.", "有限责任公司"}, {"Holdings Co., Ltd.", "控股有限公司"}};
constexpr Zh kCnUniversityKinds[] = {
    {"University", "大学"},
    {"University of Technology", "工业大学"},
    {"University of Science and Technology", "科技大学"},
    {"Normal University", "师范大学"},
    {"Jiaotong University", "交通大学"},
    {"University of Posts and Telecommunications", "邮电大学"},
    {"Medical University", "医科大学"},
    {"Institute of Technology", "理工大学"},
    {"University of Electronic Science and Technology", "电子科技大学"},
};
constexpr Zh kCnInstituteFields[] = {
    {"Advanced Technology", "先进技术"},       {"Materials Technology and Engineering", "材料技术与工程"},
    {"Physics", "物理"},                        {"Microelectronics", "微电子"},
    {"Automation", "自动化"},                   {"Chemical Physics", "化学物理"},
    {"Process Engineering", "过程工程"},        {"Computing Technology", "计算技术"},
    {"Biomedical Engineering", "生物医学工程"}, {"Electrical Engineering", "电工"},
};

constexpr SV kJpPrefix[] = {"Ao", "Kita", "Nishi", "Higashi", "Minami", "Taka", "Naka", "Yama", "Kawa", "Mori",
                            "Fuji", "Shira", "Kuro", "Matsu", "Hoshi", "Tsuru", "Hino", "Sakura", "Aka", "Oka"};
constexpr SV kJpSuffix[] = {"yama", "kawa", "moto", "da", "no", "saki", "mura", "shima", "hara", "zawa", "oka",
                            "ta", "gaki", "tani"};
// Native legal-name words and their English renderings.
constexpr Zh kJpNative[] = {{"Manufacturing", "Seisakusho"}, {"Electric", "Denki"},
                            {"Chemical Industry", "Kagaku Kogyo"}, {"Optical", "Kogaku"},
                            {"Electronics", "Denshi"},           {"Machinery", "Kikai"}};
constexpr SV kJpIndustry[kAreaCount][3] = {
    {"Battery", "Electric", "Chemical"},         {"Information Systems", "Soft", "Electric"},
    {"Electronics", "Semiconductor", "Precision"}, {"Communication", "Electric", "Networks"},
    {"Medical", "Pharmaceutical", "Optical"},    {"Motor", "Electric", "Automotive Systems"}};
constexpr Place kJpPlaces[] = {{"Tokyo", "Tokyo"},     {"Kyoto", "Kyoto"},       {"Osaka", "Suita"},
                              {"Nagoya", "Nagoya"},   {"Kyushu", "Fukuoka"},    {"Tohoku", "Sendai"},
                              {"Hokkaido", "Sapporo"}, {"Tsukuba", "Tsukuba"},  {"Kobe", "Kobe"},
                              {"Hiroshima", "Higashihiroshima"}, {"Chiba", "Chiba"}, {"Shizuoka", "Hamamatsu"},
                              {"Okayama", "Okayama"}, {"Kanazawa", "Kanazawa"}};

constexpr SV kKrSyllables[] = {"Han", "Dae",  "Sam",  "Hyun", "Seong", "Jin", "Kum", "Dong", "Sung", "Woo",
                               "Il",  "Young", "Myung", "Kwang", "Chang", "Hae", "San", "Won", "Ho", "Mi"};
constexpr SV kKrIndustry[kAreaCount][3] = {
    {"Energy Solution", "Battery", "Chemical"}, {"Information", "Soft", "AI"},
    {"Semiconductor", "Display", "Electronics"}, {"Telecom", "Electronics", "Networks"},
    {"Bio", "Pharm", "Medical"},                {"Motors", "Mobility", "Auto Parts"}};
constexpr Place kKrPlaces[] = {{"Gyeongbuk", "Daegu"},  {"Chungnam", "Daejeon"}, {"Jeonbuk", "Jeonju"},
                              {"Busan", "Busan"},      {"Daegu", "Daegu"},      {"Gwangju", "Gwangju"},
                              {"Incheon", "Incheon"},  {"Ulsan", "Ulsan"},      {"Kangwon", "Chuncheon"},
                              {"Chonnam", "Gwangju"},  {"Kyungpook", "Daegu"},  {"Chungbuk", "Cheongju"}};
constexpr SV kKrFields[] = {"Energy Materials", "Electronics Technology", "Machinery and Materials",
                            "Industrial Technology", "Science and Technology Information", "Ceramic Engineering"};

constexpr SV kDeWordA[] = {"Rhein", "Elb", "Main", "Nord", "Süd", "Alpen", "Isar", "Weser", "Harz", "Stern",
                           "Licht", "Kraft", "Feld", "Wald", "Berg"};
constexpr SV kDeWordB[] = {"werk", "tec", "tronik", "haus", "bau", "stein", "tech", "sys"};
constexpr SV kDeIndustry[kAreaCount][2] = {
    {"Batterietechnik", "Energietechnik"}, {"Software", "Datensysteme"}, {"Halbleiter", "Elektronik"},
    {"Kommunikationstechnik", "Systemtechnik"}, {"Medizintechnik", "Pharma"}, {"Fahrzeugtechnik", "Automotive"}};
constexpr SV kDeFields[] = {"Batterieforschung", "Angewandte Optik", "Mikroelektronik", "Werkstoffmechanik",
                            "Produktionstechnik", "Biomedizinische Technik", "Solare Energiesysteme"};

constexpr SV kBrandA[] = {"Blue",    "North",    "Summit",  "Apex",    "Clear",  "Bright",  "Iron",   "Silver",
                          "Pacific", "Granite",  "Quantum", "Vector",  "Nova",   "Pioneer", "Liberty", "Cascade",
                          "Redwood", "Harbor",   "Keystone", "Beacon", "Meridian", "Frontier", "Evergreen",
                          "Sterling", "Atlas",   "Zenith",  "Orion",   "Helix",  "Vertex",  "Lumen",  "Polaris",
                          "Sierra",  "Aurora",   "Titan",   "Falcon"};
constexpr SV kBrandB[] = {"path", "wave",  "point", "stone", "field", "bridge", "gate", "line", "core", "logic",
                          "mark", "view",  "light", "ridge", "tek",   "ware",   "gen",  "sys",  "tron", "nix"};
constexpr SV kUsIndustry[kAreaCount][5] = {
    {"Battery", "Energy", "Power Systems", "Energy Storage", "Advanced Materials"},
    {"Technologies", "Software", "AI", "Data Systems", "Analytics"},
    {"Semiconductor", "Microelectronics", "Devices", "Microsystems", "Silicon"},
    {"Communications", "Networks", "Wireless", "Telecom", "Connectivity"},
    {"Medical", "Therapeutics", "Biosciences", "Pharmaceuticals", "Surgical"},
    {"Motors", "Automotive", "Mobility", "Electric Drive", "Charging Solutions"}};
struct UsState {
  SV name;
  SV city;
  SV code;
};
constexpr UsState kUsStates[] = {
    {"Colorado", "Boulder", "CO"},     {"Oregon", "Eugene", "OR"},      {"Nevada", "Reno", "NV"},
    {"Vermont", "Burlington", "VT"},   {"Ohio", "Columbus", "OH"},      {"Arizona", "Tucson", "AZ"},
    {"Kansas", "Lawrence", "KS"},      {"Iowa", "Iowa City", "IA"},     {"Utah", "Salt Lake City", "UT"},
    {"Delaware", "Newark", "DE"},      {"Nebraska", "Lincoln", "NE"},   {"Maine", "Orono", "ME"},
    {"Montana", "Bozeman", "MT"},      {"Kentucky", "Lexington", "KY"}, {"Missouri", "Columbia", "MO"},
    {"Tennessee", "Knoxville", "TN"},  {"Wyoming", "Laramie", "WY"},    {"Idaho", "Moscow", "ID"}};

constexpr SV kEuWordA[] = {"Alba", "Velo", "Nordi", "Luma", "Sola", "Vita", "Terra", "Aero", "Medi",
                           "Opti", "Elec", "Hydro", "Cera", "Strato", "Volta"};
constexpr SV kEuWordB[] = {"tec", "nova", "med", "lux", "gen", "cell", "vis", "tron", "plan", "sys"};
constexpr SV kTwSyllables[] = {"Hon", "Chun", "Yuan", "Tai", "Wei", "Chi", "Lung", "Hsin", "Kuang", "Ching",
                               "Fu", "Sheng"};

// Dictionary of generic spelling swaps, applied to canonical names.
struct Swap {
  SV from;
  SV to;
};
constexpr Swap kSwaps[] = {
    {"Co., Ltd.", "Co. Ltd."},       {"Co., Ltd.", "Company Limited"},  {"Co., Ltd.", "Co., Ltd"},
    {"Corporation", "Corp."},        {", Inc.", " Inc."},               {", Inc.", ", Inc"},
    {", Inc.", " Incorporated"},     {"LLC", "L.L.C."},                 {" GmbH", " Gesellschaft mit beschränkter Haftung"},
    {" AG", " Aktiengesellschaft"},  {"University", "Univ."},           {"Institute of Technology", "Inst. of Tech."},
    {"Technology", "Tech."},         {"ü", "ue"},                       {"ö", "oe"},
    {"ä", "ae"},                     {" and ", " & "},                  {"Limited", "Ltd."},
    {"Kabushiki Kaisha", "K.K."},    {"Research Institute", "Research Inst."}, {"The Regents", "Regents"},
    {"Electronics", "Electronic"},   {" B.V.", " BV"},                  {" S.A.", " SA"},
};

std::string ReplaceFirst(SV s, SV from, SV to) {
  const size_t p = s.find(from);
  std::string out(s);
  if (p != SV::npos) out.replace(p, from.size(), to);
  return out;
}

std::string UpperName(SV s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 32);
    } else if (c == 0xC3 && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      out += static_cast<char>(c);
      out += static_cast<char>(d >= 0xA0 && d <= 0xBE && d != 0xB7 ? d - 0x20 : d);  // Latin-1 lower -> upper
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string JoinPinyin(SV a, SV b) {
  std::string out(a);
  const char c = b.empty() ? 'x' : b[0];
  if (c == 'A' || c == 'E' || c == 'O') out += '\'';
  out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  out += b.substr(1);
  return out;
}

std::string Concat(std::initializer_list<SV> parts) {
  std::string out;
  for (SV p : parts) out += p;
  return out;
}

struct Draft {
  std::string en;
  std::string zh;
  SV city;   // set by builders that know it
  SV state;
  std::vector<std::string> variants;  // builder-specific variants
};

Draft CnOrg(Random& rng, OrgType type, int area) {
  Draft d;
  const CnPlace& place = Pick(rng, kCnPlaces);
  d.city = place.city;
  if (type == OrgType::kUniversity) {
    const Zh& kind = Pick(rng, kCnUniversityKinds);
    d.en = Concat({place.en, " ", kind.en});
    d.zh = Concat({place.zh, kind.zh});
    d.variants.push_back(UpperName(d.en));
    return d;
  }
  if (type == OrgType::kInstitute) {
    const Zh& field = Pick(rng, kCnInstituteFields);
    d.en = Concat({place.en, " Institute of ", field.en, ", Chinese Academy of Sciences"});
    d.zh = Concat({"中国科学院", place.zh, field.zh, "研究所"});
    d.variants.push_back(Concat({place.en, " Institute of ", field.en, ", CAS"}));
    d.variants.push_back(Concat({"Chinese Academy of Sciences ", place.en, " Institute of ", field.en}));
    return d;
  }
  const Zh& s1 = Pick(rng, kCnBrandSyllables);
  const Zh* s2 = &Pick(rng, kCnBrandSyllables);
  while (s2 == &s1) s2 = &Pick(rng, kCnBrandSyllables);
  const std::string brand = JoinPinyin(s1.en, s2->en);
  const std::string brand_split = Concat({s1.en, " ", s2->en});
  const Zh& industry = kCnIndustry[area][rng.Uniform(6)];
  const Zh& form = kCnForms[PickWeighted(rng, {60, 20, 10, 6, 4})];
  const bool with_place = rng.Bernoulli(0.8);
  const std::string prefix = with_place ? Concat({place.en, " "}) : std::string();
  d.en = Concat({prefix, brand, " ", industry.en, " ", form.en});
  d.zh = Concat({with_place ? place.zh : SV(), s1.zh, s2->zh, industry.zh, form.zh});
  d.variants.push_back(Concat({prefix, brand_split, " ", industry.en, " ", form.en}));
  d.variants.push_back(UpperName(d.en));
  return d;
}

Draft JpOrg(Random& rng, OrgType type, int area) {
  Draft d;
  if (type == OrgType::kUniversity) {
    const Place& place = Pick(rng, kJpPlaces);
    d.city = place.city;
    if (rng.Bernoulli(0.7)) {
      d.en = Concat({place.name, " University"});
      d.variants.push_back(Concat({"National University Corporation ", place.name, " University"}));
    } else {
      d.en = Concat({place.name, " Institute of Technology"});
      d.variants.push_back(Concat({"National University Corporation ", place.name, " Institute of Technology"}));
    }
    return d;
  }
  const std::string brand = Concat({Pick(rng, kJpPrefix), Pick(rng, kJpSuffix)});
  if (type == OrgType::kInstitute) {
    d.en = Concat({brand, " Industrial Research Institute"});
    return d;
  }
  switch (rng.Uniform(3)) {
    case 0: {
      const SV ind = kJpIndustry[area][rng.Uniform(3)];
      d.en = Concat({brand, " ", ind, " Co., Ltd."});
      d.variants.push_back(Concat({brand, " ", ind, " Kabushiki Kaisha"}));
      break;
    }
    case 1:
      d.en = Concat({brand, " Corporation"});
      d.variants.push_back(Concat({"Kabushiki Kaisha ", brand}));
      break;
    default: {
      const Zh& n = Pick(rng, kJpNative);
      d.en = Concat({"Kabushiki Kaisha ", brand, " ", n.zh});
      d.variants.push_back(Concat({brand, " ", n.en, " Co., Ltd."}));
      d.variants.push_back(Concat({brand, " ", n.zh, " K.K."}));
      break;
    }
  }
  return d;
}

Draft KrOrg(Random& rng, OrgType type, int area) {
  Draft d;
  if (type == OrgType::kUniversity) {
    const Place& place = Pick(rng, kKrPlaces);
    d.city = place.city;
    d.en = Concat({place.name, " National University Industry-Academic Cooperation Foundation"});
    d.variants.push_back(Concat({place.name, " National University Industry Academic Cooperation Foundation"}));
    d.variants.push_back(Concat({"Industry-Academic Cooperation Foundation, ", place.name, " National University"}));
    d.variants.push_back(Concat({place.name, " National University R&DB Foundation"}));
    return d;
  }
  if (type == OrgType::kInstitute) {
    d.en = Concat({"Korea Institute of ", Pick(rng, kKrFields)});
    d.variants.push_back(ReplaceFirst(d.en, "Institute", "Inst."));
    return d;
  }
  const SV a = Pick(rng, kKrSyllables);
  SV b = Pick(rng, kKrSyllables);
  while (b == a) b = Pick(rng, kKrSyllables);
  const std::string brand = JoinPinyin(a, b);
  const SV ind = kKrIndustry[area][rng.Uniform(3)];
  const SV form = rng.Bernoulli(0.7) ? SV("Co., Ltd.") : SV("Corporation");
  d.en = Concat({brand, " ", ind, " ", form});
  d.variants.push_back(Concat({a, "-", b, " ", ind, " ", form}));
  return d;
}

Draft DeOrg(Random& rng, OrgType type, int area) {
  Draft d;
  const Zh& city = Pick(rng, kDeCities);
  if (type == OrgType::kUniversity) {
    d.city = city.en;
    if (rng.Bernoulli(0.6)) {
      d.en = Concat({"Technische Universität ", city.zh});
      d.variants.push_back(Concat({"Technical University of ", city.en}));
    } else {
      d.en = Concat({"Universität ", city.zh});
      d.variants.push_back(Concat({"University of ", city.en}));
    }
    return d;
  }
  const SV surname = Pick(rng, kDeFamily);
  if (type == OrgType::kInstitute) {
    if (rng.Bernoulli(0.5)) {
      d.en = Concat({surname, "-Gesellschaft zur Förderung der angewandten Forschung e.V."});
      d.variants.push_back(Concat({surname, "-Gesellschaft zur Foerderung der angewandten Forschung e.V."}));
      d.variants.push_back(Concat({surname, " Gesellschaft zur Förderung der angewandten Forschung e. V."}));
    } else {
      d.en = Concat({surname, "-Institut für ", Pick(rng, kDeFields)});
    }
    return d;
  }
  const SV ind = kDeIndustry[area][rng.Uniform(2)];
  if (rng.Bernoulli(0.55)) {
    d.en = Concat({surname, " ", ind, " GmbH"});
  } else {
    const std::string word = Concat({Pick(rng, kDeWordA), Pick(rng, kDeWordB)});
    d.en = rng.Bernoulli(0.5) ? Concat({word, " ", ind, " AG"}) : Concat({word, " AG"});
  }
  return d;
}

Draft UsOrg(Random& rng, OrgType type, int area) {
  Draft d;
  if (type == OrgType::kUniversity) {
    const UsState& st = Pick(rng, kUsStates);
    const SV state = st.name;
    d.city = st.city;
    d.state = st.code;
    switch (rng.Uniform(4)) {
      case 0:
        d.en = Concat({"University of ", state});
        d.variants.push_back(Concat({"The University of ", state}));
        break;
      case 1:
        d.en = Concat({state, " State University"});
        d.variants.push_back(Concat({"Board of Trustees of ", state, " State University"}));
        break;
      case 2:
        d.en = Concat({"The Regents of the University of ", state});
        d.variants.push_back(Concat({"University of ", state}));
        break;
      default:
        d.en = Concat({Pick(rng, kAngloFamily), " Institute of Technology"});
        break;
    }
    return d;
  }
  if (type == OrgType::kInstitute) {
    if (rng.Bernoulli(0.5)) {
      d.en = Concat({Pick(rng, kAngloFamily), " Research Institute"});
    } else {
      const UsState& st = Pick(rng, kUsStates);
      d.en = Concat({st.name, " Research Foundation"});
      d.city = st.city;
      d.state = st.code;
    }
    return d;
  }
  const SV ind = kUsIndustry[area][rng.Uniform(5)];
  switch (PickWeighted(rng, {40, 25, 20, 15})) {
    case 0:
      d.en = Concat({Pick(rng, kBrandA), Pick(rng, kBrandB), " ", ind, ", Inc."});
      break;
    case 1:
      d.en = Concat({Pick(rng, kBrandA), Pick(rng, kBrandB), " Corporation"});
      break;
    case 2:
      d.en = Concat({Pick(rng, kBrandA), " ", Pick(rng, kBrandA), " ", ind, " LLC"});
      break;
    default:
      d.en = Concat({Pick(rng, kAngloFamily), " & ", Pick(rng, kAngloFamily), " ", ind, ", Inc."});
      break;
  }
  d.variants.push_back(UpperName(d.en));
  return d;
}

Draft OtherOrg(Random& rng, Country c, OrgType type, int area) {
  Draft d;
  const std::string eu = Concat({Pick(rng, kEuWordA), Pick(rng, kEuWordB)});
  switch (c) {
    case Country::kTW: {
      const SV a = Pick(rng, kTwSyllables);
      const SV b = Pick(rng, kTwSyllables);
      if (type == OrgType::kUniversity) {
        d.city = Pick(rng, kTwCities);
        d.en = Concat({"National ", d.city, " University"});
      } else if (type == OrgType::kInstitute) {
        d.city = Pick(rng, kTwCities);
        d.en = Concat({d.city, " Industrial Technology Research Institute"});
      } else {
        d.en = Concat({a, " ", b, rng.Bernoulli(0.5) ? " Technology Corp." : " Electronics Co., Ltd."});
        d.variants.push_back(ReplaceFirst(d.en, "Corp.", "Corporation"));
      }
      break;
    }
    case Country::kFR:
      if (type == OrgType::kUniversity) {
        d.city = Pick(rng, kFrCities);
        d.en = Concat({"Université de ", d.city});
      } else if (type == OrgType::kInstitute) {
        d.en = Concat({"Institut ", Pick(rng, kFrFamily)});
      } else {
        d.en = Concat({eu, rng.Bernoulli(0.5) ? " S.A." : " SAS"});
      }
      break;
    case Country::kGB:
      if (type == OrgType::kUniversity) {
        d.city = Pick(rng, kGbCities);
        d.en = Concat({"University of ", d.city});
      } else {
        d.en = Concat({Pick(rng, kAngloFamily), " ", kUsIndustry[area][rng.Uniform(5)],
                       rng.Bernoulli(0.7) ? " Limited" : " PLC"});
      }
      break;
    case Country::kNL:
      if (type == OrgType::kUniversity) {
        const SV city = Pick(rng, kNlCities);
        d.city = city;
        d.en = Concat({"Technische Universiteit ", city});
        d.variants.push_back(Concat({city, " University of Technology"}));
      } else {
        d.en = Concat({eu, rng.Bernoulli(0.7) ? " B.V." : " N.V."});
      }
      break;
    case Country::kSE:
      if (type == OrgType::kUniversity) {
        d.city = Pick(rng, kSeCities);
        d.en = Concat({d.city, " University"});
      } else {
        d.en = Concat({eu, " AB"});
        d.variants.push_back(Concat({"Aktiebolaget ", eu}));
      }
      break;
    case Country::kCH:
      if (type == OrgType::kUniversity) {
        d.city = Pick(rng, kChCities);
        d.en = Concat({d.city, " Federal Institute of Technology"});
      } else {
        d.en = Concat({eu, rng.Bernoulli(0.6) ? " AG" : " SA"});
      }
      break;
    case Country::kIL:
      if (type == OrgType::kUniversity) {
        d.city = Pick(rng, kIlCities);
        d.en = Concat({d.city, " University Research and Development Company Ltd."});
      } else {
        d.en = Concat({eu, " Ltd."});
      }
      break;
    default:  // India
      d.en = Concat({Pick(rng, kInFamily), " ", kUsIndustry[area][rng.Uniform(5)], " Private Limited"});
      d.variants.push_back(ReplaceFirst(d.en, "Private Limited", "Pvt. Ltd."));
      break;
  }
  return d;
}

SV PickCityFor(Random& rng, Country c, SV* state) {
  *state = SV();
  switch (c) {
    case Country::kCN: return Pick(rng, kCnPlaces).city;
    case Country::kUS: {
      const City& city = Pick(rng, kUsCities);
      *state = city.state;
      return city.name;
    }
    case Country::kJP: return Pick(rng, kJpCities);
    case Country::kKR: return Pick(rng, kKrCities);
    case Country::kDE: return Pick(rng, kDeCities).en;
    case Country::kTW: return Pick(rng, kTwCities);
    case Country::kFR: return Pick(rng, kFrCities);
    case Country::kGB: return Pick(rng, kGbCities);
    case Country::kNL: return Pick(rng, kNlCities);
    case Country::kSE: return Pick(rng, kSeCities);
    case Country::kCH: return Pick(rng, kChCities);
    case Country::kIL: return Pick(rng, kIlCities);
    case Country::kIN: return Pick(rng, kInCities);
  }
  return "Tokyo";
}

// Area preferences per country: battery, AI, semiconductor, telecom, medical, vehicle.
constexpr uint32_t kAreaWeights[kCountryCount][kAreaCount] = {
    {22, 22, 12, 20, 12, 12}, {8, 32, 18, 16, 22, 4},  {24, 8, 24, 10, 14, 20}, {28, 10, 26, 20, 8, 8},
    {14, 8, 10, 8, 24, 36},   {6, 10, 58, 16, 6, 4},   {14, 12, 12, 16, 30, 16}, {8, 30, 8, 18, 30, 6},
    {8, 14, 40, 12, 24, 2},   {10, 10, 6, 50, 18, 6},  {6, 12, 12, 6, 56, 8},    {4, 36, 16, 20, 24, 1},
    {4, 50, 10, 20, 14, 2},
};
constexpr uint32_t kOrgCountryWeights[kCountryCount] = {320, 260, 140, 100, 80, 30, 20, 15, 10, 10, 10, 5, 0};

Culture SampleCulture(Random& rng, Country c) {
  switch (c) {
    case Country::kCN: return rng.Bernoulli(0.97) ? Culture::kChinese : Culture::kTaiwanese;
    case Country::kUS: {
      static constexpr Culture kMix[] = {Culture::kAnglo,  Culture::kChinese, Culture::kIndian,  Culture::kKorean,
                                         Culture::kGerman, Culture::kFrench,  Culture::kIsraeli, Culture::kJapanese};
      return kMix[PickWeighted(rng, {55, 14, 15, 4, 4, 3, 2, 3})];
    }
    case Country::kJP: return rng.Bernoulli(0.97) ? Culture::kJapanese : Culture::kAnglo;
    case Country::kKR: return rng.Bernoulli(0.97) ? Culture::kKorean : Culture::kAnglo;
    case Country::kDE: {
      static constexpr Culture kMix[] = {Culture::kGerman, Culture::kAnglo, Culture::kFrench, Culture::kChinese,
                                         Culture::kIndian};
      return kMix[PickWeighted(rng, {85, 5, 3, 4, 3})];
    }
    case Country::kTW: return Culture::kTaiwanese;
    case Country::kFR: return rng.Bernoulli(0.85) ? Culture::kFrench : Culture::kAnglo;
    case Country::kGB: {
      static constexpr Culture kMix[] = {Culture::kAnglo, Culture::kIndian, Culture::kGerman, Culture::kFrench,
                                         Culture::kChinese};
      return kMix[PickWeighted(rng, {75, 10, 5, 5, 5})];
    }
    case Country::kNL: {
      static constexpr Culture kMix[] = {Culture::kDutch, Culture::kAnglo, Culture::kGerman};
      return kMix[PickWeighted(rng, {80, 10, 10})];
    }
    case Country::kSE: return rng.Bernoulli(0.85) ? Culture::kSwedish : Culture::kAnglo;
    case Country::kCH: {
      static constexpr Culture kMix[] = {Culture::kGerman, Culture::kFrench, Culture::kAnglo};
      return kMix[PickWeighted(rng, {50, 40, 10})];
    }
    case Country::kIL: return rng.Bernoulli(0.85) ? Culture::kIsraeli : Culture::kAnglo;
    case Country::kIN: return Culture::kIndian;
  }
  return Culture::kAnglo;
}

template <size_t NF, size_t NG>
void Romanized(Random& rng, Person& p, const SV (&family)[NF], const SV (&given)[NG]) {
  p.family = family[rng.Uniform(NF)];
  p.given = given[rng.Uniform(NG)];
}

}  // namespace

std::string_view CountryCode(Country c) {
  static constexpr SV kCodes[kCountryCount] = {"CN", "US", "JP", "KR", "DE", "TW", "FR",
                                               "GB", "NL", "SE", "CH", "IL", "IN"};
  return kCodes[static_cast<int>(c)];
}

std::string_view CountryNameEn(Country c) {
  static constexpr SV kNames[kCountryCount] = {"Chinese", "U.S.",    "Japanese", "Korean", "German",
                                               "Taiwanese", "French", "British", "Dutch",  "Swedish",
                                               "Swiss",   "Israeli", "Indian"};
  return kNames[static_cast<int>(c)];
}

std::vector<Organisation> BuildOrganisations(uint64_t seed, size_t count) {
  std::vector<Organisation> orgs;
  orgs.reserve(count);
  std::unordered_set<std::string> taken;
  for (size_t rank = 0; rank < count; ++rank) {
    Random rng = Stream(seed, rank, 0x4F524741ULL /* ORGA */);
    Organisation o;
    o.country = static_cast<Country>(PickWeighted(rng, kOrgCountryWeights));
    o.type = static_cast<OrgType>(rank < 10   ? 0
                                  : rank < 40 ? PickWeighted(rng, {95, 3, 2})
                                              : PickWeighted(rng, {80, 13, 7}));
    o.primary_area = static_cast<uint8_t>(PickWeighted(rng, kAreaWeights[static_cast<int>(o.country)]));
    o.secondary_area = static_cast<uint8_t>((o.primary_area + 1 + rng.Uniform(kAreaCount - 1)) % kAreaCount);
    Draft d;
    for (int attempt = 0; attempt < 40; ++attempt) {
      const OrgType type = attempt < 20 ? o.type : OrgType::kCompany;
      switch (o.country) {
        case Country::kCN: d = CnOrg(rng, type, o.primary_area); break;
        case Country::kJP: d = JpOrg(rng, type, o.primary_area); break;
        case Country::kKR: d = KrOrg(rng, type, o.primary_area); break;
        case Country::kDE: d = DeOrg(rng, type, o.primary_area); break;
        case Country::kUS: d = UsOrg(rng, type, o.primary_area); break;
        default: d = OtherOrg(rng, o.country, type, o.primary_area); break;
      }
      if (!taken.count(d.en)) {
        o.type = type;
        break;
      }
      if (attempt == 39) d.en += " (" + std::to_string(rank) + ")";
    }
    taken.insert(d.en);
    o.name = std::move(d.en);
    o.name_zh = std::move(d.zh);
    if (!d.city.empty()) {
      o.city = d.city;
      o.state = d.state;
    } else {
      o.city = PickCityFor(rng, o.country, &o.state);
    }
    // Spelling variants: the builder's own, then generic swaps, for ~40% of organisations.
    if (rng.Bernoulli(0.4)) {
      std::vector<std::string> candidates = std::move(d.variants);
      for (const Swap& s : kSwaps) {
        if (o.name.find(s.from) != std::string::npos) candidates.push_back(ReplaceFirst(o.name, s.from, s.to));
      }
      std::erase_if(candidates, [&](const std::string& v) { return v == o.name || v.empty(); });
      const size_t keep = 1 + rng.Uniform(3);
      for (size_t i = 0; i < keep && !candidates.empty(); ++i) {
        const size_t j = rng.Uniform(candidates.size());
        if (std::find(o.variants.begin(), o.variants.end(), candidates[j]) == o.variants.end()) {
          o.variants.push_back(candidates[j]);
        }
        candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(j));
      }
    }
    orgs.push_back(std::move(o));
  }
  return orgs;
}

Person MakePerson(Random& rng, Country country) {
  Person p;
  p.country = country;
  switch (SampleCulture(rng, country)) {
    case Culture::kChinese: {
      const Zh& f = Pick(rng, kCnFamily);
      p.family = f.en;
      p.family_zh = f.zh;
      const Zh& g1 = Pick(rng, kCnGiven);
      if (rng.Bernoulli(0.35)) {
        p.given = g1.en;
        p.given_zh = g1.zh;
      } else {
        const Zh& g2 = Pick(rng, kCnGiven);
        p.given = JoinPinyin(g1.en, g2.en);
        p.given_zh = Concat({g1.zh, g2.zh});
      }
      break;
    }
    case Culture::kJapanese: Romanized(rng, p, kJpFamily, kJpGiven); break;
    case Culture::kKorean: Romanized(rng, p, kKrFamily, kKrGiven); break;
    case Culture::kAnglo:
      Romanized(rng, p, kAngloFamily, kAngloGiven);
      if (rng.Bernoulli(0.3)) {
        p.given += ' ';
        p.given += static_cast<char>('A' + rng.Uniform(26));
        p.given += '.';
      }
      break;
    case Culture::kIndian: Romanized(rng, p, kInFamily, kInGiven); break;
    case Culture::kGerman: Romanized(rng, p, kDeFamily, kDeGiven); break;
    case Culture::kFrench: Romanized(rng, p, kFrFamily, kFrGiven); break;
    case Culture::kTaiwanese: Romanized(rng, p, kTwFamily, kTwGiven); break;
    case Culture::kDutch: Romanized(rng, p, kNlFamily, kNlGiven); break;
    case Culture::kSwedish: Romanized(rng, p, kSeFamily, kSeGiven); break;
    case Culture::kIsraeli: Romanized(rng, p, kIlFamily, kIlGiven); break;
  }
  p.city = PickCityFor(rng, country, &p.state);
  return p;
}

Country SampleIndividualCountry(Random& rng) {
  static constexpr uint32_t kWeights[kCountryCount] = {30, 40, 8, 6, 5, 4, 2, 2, 1, 1, 1, 2, 3};
  return static_cast<Country>(PickWeighted(rng, kWeights));
}

std::string MakeLawFirm(Random& rng) {
  const SV a = Pick(rng, kAngloFamily);
  SV b = Pick(rng, kAngloFamily);
  SV c = Pick(rng, kAngloFamily);
  switch (rng.Uniform(5)) {
    case 0: return Concat({a, ", ", b, " & ", c, ", LLP"});
    case 1: return Concat({a, " & ", b, " LLP"});
    case 2: return Concat({a, " IP Law Group, PC"});
    case 3: return Concat({a, " Law Firm, PLLC"});
    default: return Concat({a, " ", b, " IP, LLC"});
  }
}

Person MakeExaminer(Random& rng) {
  static constexpr Country kOrigins[] = {Country::kUS, Country::kUS, Country::kUS, Country::kUS, Country::kGB};
  Person p = MakePerson(rng, Pick(rng, kOrigins));
  if (p.given.find(' ') == std::string::npos && rng.Bernoulli(0.4)) {
    p.given += ' ';
    p.given += static_cast<char>('A' + rng.Uniform(26));
  }
  return p;
}

}  // namespace patnav::gen
